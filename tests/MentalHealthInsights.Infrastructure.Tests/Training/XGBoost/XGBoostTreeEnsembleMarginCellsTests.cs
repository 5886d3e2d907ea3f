using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// The leaf cells behind <see cref="XGBoostTreeEnsemble.Margin"/> for rows without missing
/// values, against the walk (WalkMargin) bit for bit, on rows that sit exactly on the model's
/// thresholds, just beside them and at ±∞ as well as between them.
/// </summary>
public sealed class XGBoostTreeEnsembleMarginCellsTests
{
    public static TheoryData<int, int, int, double, int> Models => CellTestRows.Models;

    [Theory]
    [MemberData(nameof(Models))]
    public void Margin_RowsWithoutMissingValues_CellsMatchTheWalkBitForBit(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed
    )
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(cols, depth, rounds, missing, seed, 3000);
        using var owned = model;
        var json = model.ToJson();
        var ensemble = Parse(json);
        Assert.True(ensemble.MarginCellTreeCount > 0, "no tree has cells");
        var rows = CellTestRows.OnAndBesideThresholds(json, cols, seed, 3000);

        Assert.Equal(0, CountMismatchesWithWalk(ensemble, rows, cols));
    }

    [Fact]
    public void Margin_DeepModel_SomeTreesKeepTheWalk()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(12, 5, 40, 0.2, 53, 3000);
        using var owned = model;
        var ensemble = Parse(model.ToJson());

        Assert.InRange(ensemble.MarginCellTreeCount, 1, ensemble.TreeCount - 1);
    }

    [Fact]
    public void Margin_ServingShapedModel_EveryTreeHasCellsAndProbabilitiesMatchTheWalk()
    {
        var (preprocessor, matrix) = LabelledMatrix.Generate(5000, 55);
        using var fitted = (XGBoostBinaryModel)
            new XGBoostTrainer().Fit(matrix, HyperParameters.Empty, 55, CancellationToken.None);
        var json = fitted.Model.ToJson();
        var cols = matrix.Columns;
        var ensemble = Parse(json);
        var rows = preprocessor.TransformBatch([
            .. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = 1000, Seed = 56 }),
        ]);

        Assert.Equal(ensemble.TreeCount, ensemble.MarginCellTreeCount);
        Assert.Equal(0, CountMismatchesWithWalk(ensemble, rows, cols));
        Assert.Equal(
            0,
            CountMismatchesWithWalk(
                ensemble,
                CellTestRows.OnAndBesideThresholds(json, cols, 55, 1000),
                cols
            )
        );
    }

    [Fact]
    public void Margin_ManyRows_BuildCellsInTheBackgroundAfterEnoughRowsWithoutMissingValues()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(4, 4, 40, 0.1, 59, 1000);
        using var owned = model;
        var json = model.ToJson();
        var ensemble = Parse(json);
        var last = CellTestRows.AnswerUntilBuiltInBackground(
            json,
            59,
            row => ensemble.Margin(row),
            () => ensemble.MarginCellsBuilt
        );

        Assert.Equal(
            BitConverter.SingleToInt32Bits(ensemble.WalkMargin(last)),
            BitConverter.SingleToInt32Bits(ensemble.Margin(last))
        );
    }

    internal static int CountMismatchesWithWalk(
        XGBoostTreeEnsemble ensemble,
        float[] rows,
        int cols
    )
    {
        var mismatches = 0;
        for (var r = 0; r < rows.Length / cols; r++)
        {
            var row = rows.AsSpan(r * cols, cols);
            var walked = ensemble.WalkMargin(row);
            if (
                BitConverter.SingleToInt32Bits(walked)
                    != BitConverter.SingleToInt32Bits(ensemble.Margin(row))
                || BitConverter.SingleToInt32Bits(XGBoostTreeEnsemble.Sigmoid(walked))
                    != BitConverter.SingleToInt32Bits(ensemble.Probability(row))
            )
            {
                mismatches++;
            }
        }

        return mismatches;
    }

    private static XGBoostTreeEnsemble Parse(byte[] json)
    {
        var ensemble = XGBoostTreeEnsemble.TryParse(json, out var reason);
        Assert.True(ensemble is not null, reason);
        return ensemble;
    }
}
