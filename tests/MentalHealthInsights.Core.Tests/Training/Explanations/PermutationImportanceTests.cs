using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void Compute_ModelUsingOneOccupationSlot_OnlyOccupationMatters()
    {
        var records = ExplanationTestData
            .Records()
            .Select(r => r with { HasCondition = r.Occupation == "Healthcare" })
            .ToArray();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(
            ExplanationTestData.Weights(preprocessor, ("Occupation=Healthcare", 3)),
            -1
        );

        var importance = PermutationImportance.Compute(
            model,
            null,
            matrix,
            preprocessor,
            repeats: 3,
            seed: 1
        );

        Assert.Equal("Occupation", importance[0].Column);
        Assert.True(importance[0].Mean > 0.3, $"{importance[0].Mean}");
        Assert.All(importance.Skip(1), i => Assert.Equal(0.0, i.Mean));
        Assert.Equal(9, importance.Count);
    }

    [Fact]
    public void Compute_OneHotColumn_PermutesAllItsSlotsTogether()
    {
        var records = ExplanationTestData.Records();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var weights = ExplanationTestData.Weights(
            preprocessor,
            ("Stress_Level=High", 2),
            ("Stress_Level=Medium", 1),
            ("Stress_Level=Low", -1)
        );
        var model = new FixedLinearModel(weights, 0);
        const int seed = 9;

        var importance = PermutationImportance.Compute(
            model,
            null,
            matrix,
            preprocessor,
            repeats: 1,
            seed: seed
        );

        // By hand: column 5 (Stress_Level) draws one permutation from new Random(seed + 7919·5);
        // row i then takes every Stress_Level slot of row perm[i], so each row stays one-hot.
        var permutation = Enumerable.Range(0, matrix.Rows).ToArray();
        new Random(seed + (7919 * 5)).Shuffle(permutation);
        var (offset, width) = preprocessor
            .GetOutputRange("Stress_Level")
            .GetOffsetAndLength(preprocessor.OutputWidth);
        var original = new double[matrix.Rows];
        var permuted = new double[matrix.Rows];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i).ToArray();
            original[i] = model.Predict(row);
            matrix.Row(permutation[i]).Slice(offset, width).CopyTo(row.AsSpan(offset, width));
            Assert.Equal(1f, row.AsSpan(offset, width).ToArray().Sum());
            permuted[i] = model.Predict(row);
        }

        var expected =
            BinaryMetrics.RocAuc(matrix.Labels, original)
            - BinaryMetrics.RocAuc(matrix.Labels, permuted);
        var stress = importance.Single(i => i.Column == "Stress_Level");
        Assert.Equal(expected, stress.Mean, 15);
        Assert.True(stress.Mean > 0.05);
        Assert.True(double.IsNaN(stress.StandardDeviation));
    }

    [Fact]
    public void Compute_SameSeed_SameResult_AndSortedDescending()
    {
        var records = ExplanationTestData.Records();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(
            ExplanationTestData.Weights(
                preprocessor,
                ("Sleep_Hours", -0.8),
                ("Work_Hours", 0.5),
                ("Stress_Level=High", 1)
            ),
            0
        );

        var first = PermutationImportance.Compute(model, null, matrix, preprocessor, 4, 3);
        var second = PermutationImportance.Compute(model, null, matrix, preprocessor, 4, 3);
        var oneWorker = PermutationImportance.Compute(
            model,
            null,
            matrix,
            preprocessor,
            4,
            3,
            parallelism: 1
        );

        Assert.Equal(first, second);
        Assert.Equal(first, oneWorker);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PermutationImportance.Compute(model, null, matrix, preprocessor, 4, 3, parallelism: 0)
        );
        Assert.Equal(
            first.OrderByDescending(i => i.Mean).Select(i => i.Column),
            first.Select(i => i.Column)
        );
        Assert.All(first.Take(3), i => Assert.True(i.StandardDeviation >= 0));
        Assert.Equal(4, first[0].Repeats);
        // The input matrix is left untouched.
        Assert.Equal(preprocessor.TransformBatch(records), matrix.Features);
    }

    [Fact]
    public void Compute_ColumnsScoredInParallel_EqualTheDocumentedSequentialRecipe()
    {
        var records = ExplanationTestData.Records();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(
            ExplanationTestData.Weights(
                preprocessor,
                ("Sleep_Hours", -0.8),
                ("Work_Hours", 0.5),
                ("Stress_Level=High", 1),
                ("Age", 0.2)
            ),
            0
        );
        const int Repeats = 3;
        const int Seed = 11;

        var importances = PermutationImportance.Compute(
            model,
            null,
            matrix,
            preprocessor,
            Repeats,
            Seed
        );

        // The recipe of docs/training.md, one column at a time: column i's repeats shuffle the
        // row order with new Random(seed + 7919·i) and move its whole block of slots.
        var layout = ColumnLayout.Of(preprocessor);
        var reference = new double[matrix.Rows];
        model.Predict(matrix, reference);
        var referenceAuc = BinaryMetrics.RocAuc(matrix.Labels, reference);
        for (var c = 0; c < layout.Columns.Length; c++)
        {
            var column = layout.Columns[c];
            var random = new Random(Seed + (7919 * c));
            var drops = new double[Repeats];
            for (var r = 0; r < Repeats; r++)
            {
                var order = Enumerable.Range(0, matrix.Rows).ToArray();
                random.Shuffle(order);
                var features = (float[])matrix.Features.Clone();
                for (var i = 0; i < matrix.Rows; i++)
                {
                    for (var k = 0; k < column.Width; k++)
                    {
                        features[(i * matrix.Columns) + column.Offset + k] = matrix.Features[
                            (order[i] * matrix.Columns) + column.Offset + k
                        ];
                    }
                }

                var scores = new double[matrix.Rows];
                model.Predict(
                    new FeatureMatrix(features, matrix.Labels, matrix.ColumnNames),
                    scores
                );
                drops[r] = referenceAuc - BinaryMetrics.RocAuc(matrix.Labels, scores);
            }

            var found = Assert.Single(importances, i => i.Column == column.Name);
            Assert.Equal(drops.Average(), found.Mean, 12);
        }
    }
}
