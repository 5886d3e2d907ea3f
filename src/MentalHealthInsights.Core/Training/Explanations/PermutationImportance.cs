using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// Permutation feature importance grouped by original column: for each column, all of its output
/// slots are permuted together (one row permutation applied to the whole one-hot block), the
/// (calibrated) model is scored again, and the importance is the drop in ROC AUC. Repeated with
/// seeded permutations; mean ± sample standard deviation. Deterministic for a seed.
/// </summary>
public static class PermutationImportance
{
    /// <summary>Computes the importance of every feature column of <paramref name="preprocessor"/>.</summary>
    /// <param name="model">The raw model.</param>
    /// <param name="calibrator">Applied to the raw scores when not null.</param>
    /// <param name="data">Rows transformed by <paramref name="preprocessor"/>, with labels (the test part).</param>
    /// <param name="preprocessor">Defines which slots belong to which column.</param>
    /// <param name="repeats">Permutations per column, at least 1.</param>
    /// <param name="seed">Seed; column i uses <c>new Random(seed + 7919·i)</c>, so every model sees the same permutations.</param>
    /// <param name="cancellationToken">Checked between columns.</param>
    /// <returns>One entry per column, highest mean first (ties keep feature order).</returns>
    public static IReadOnlyList<ColumnImportance> Compute(
        IBinaryModel model,
        ICalibrator? calibrator,
        FeatureMatrix data,
        FittedPreprocessor preprocessor,
        int repeats,
        int seed,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        if (data.Columns != preprocessor.OutputWidth)
        {
            throw new ArgumentException(
                $"data has {data.Columns} columns; the preprocessor writes {preprocessor.OutputWidth}.",
                nameof(data)
            );
        }

        var layout = ColumnLayout.Of(preprocessor);
        var rows = data.Rows;
        var width = data.Columns;
        var scores = new double[rows];
        Score(model, calibrator, data, scores);
        var reference = BinaryMetrics.RocAuc(data.Labels, scores);

        // One working copy: a column's block is overwritten, scored, then restored.
        var working = new FeatureMatrix(
            (float[])data.Features.Clone(),
            data.Labels,
            data.ColumnNames
        );
        var permutation = new int[rows];
        var drops = new double[repeats];
        var results = new ColumnImportance[layout.Columns.Length];
        for (var c = 0; c < layout.Columns.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = layout.Columns[c];
            var random = new Random(unchecked(seed + (7919 * c)));
            for (var r = 0; r < repeats; r++)
            {
                for (var i = 0; i < rows; i++)
                {
                    permutation[i] = i;
                }

                random.Shuffle(permutation);
                for (var i = 0; i < rows; i++)
                {
                    data.Features.AsSpan((permutation[i] * width) + column.Offset, column.Width)
                        .CopyTo(working.Features.AsSpan((i * width) + column.Offset, column.Width));
                }

                Score(model, calibrator, working, scores);
                drops[r] = reference - BinaryMetrics.RocAuc(data.Labels, scores);
            }

            for (var i = 0; i < rows; i++)
            {
                data.Features.AsSpan((i * width) + column.Offset, column.Width)
                    .CopyTo(working.Features.AsSpan((i * width) + column.Offset, column.Width));
            }

            var (mean, sd) = MeanAndDeviation(drops);
            results[c] = new ColumnImportance(column.Name, mean, sd, repeats);
        }

        // OrderBy is stable, so equal importances keep the feature order.
        return [.. results.OrderByDescending(r => double.IsNaN(r.Mean) ? double.MinValue : r.Mean)];
    }

    internal static void Score(
        IBinaryModel model,
        ICalibrator? calibrator,
        FeatureMatrix data,
        Span<double> destination
    )
    {
        model.Predict(data, destination);
        if (calibrator is null)
        {
            return;
        }

        for (var i = 0; i < data.Rows; i++)
        {
            destination[i] = calibrator.Apply(destination[i]);
        }
    }

    private static (double Mean, double StandardDeviation) MeanAndDeviation(double[] values)
    {
        var mean = values.Average();
        if (values.Length < 2)
        {
            return (mean, double.NaN);
        }

        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(squares / (values.Length - 1)));
    }
}
