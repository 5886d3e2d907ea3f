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
    /// <param name="parallelism">
    /// Columns scored at once (each holds a copy of <paramref name="data"/>); default: the
    /// processor count, as <c>TrainingOptions.Parallelism</c>. The numbers do not depend on it.
    /// </param>
    /// <param name="cancellationToken">Checked between columns.</param>
    /// <returns>One entry per column, highest mean first (ties keep feature order).</returns>
    public static IReadOnlyList<ColumnImportance> Compute(
        IBinaryModel model,
        ICalibrator? calibrator,
        FeatureMatrix data,
        FittedPreprocessor preprocessor,
        int repeats,
        int seed,
        int? parallelism = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        if (parallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(parallelism),
                "parallelism must be at least 1."
            );
        }
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

        // Columns are independent (each has its own seeded permutations), so they are scored
        // side by side; each worker has one working copy whose column block is overwritten,
        // scored, then restored, and results land at the column's index, so the numbers do not
        // depend on scheduling. The model and calibrator are thread-safe by contract.
        var results = new ColumnImportance[layout.Columns.Length];
        Parallel.For(
            0,
            layout.Columns.Length,
            new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount,
            },
            () =>
                new Worker(
                    new FeatureMatrix(
                        (float[])data.Features.Clone(),
                        data.Labels,
                        data.ColumnNames
                    ),
                    new int[rows],
                    new double[rows],
                    new double[repeats]
                ),
            (c, _, worker) =>
            {
                var column = layout.Columns[c];
                var working = worker.Working;
                var permutation = worker.Permutation;
                var drops = worker.Drops;
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
                            .CopyTo(
                                working.Features.AsSpan((i * width) + column.Offset, column.Width)
                            );
                    }

                    Score(model, calibrator, working, worker.Scores);
                    drops[r] = reference - BinaryMetrics.RocAuc(data.Labels, worker.Scores);
                }

                for (var i = 0; i < rows; i++)
                {
                    data.Features.AsSpan((i * width) + column.Offset, column.Width)
                        .CopyTo(working.Features.AsSpan((i * width) + column.Offset, column.Width));
                }

                var (mean, sd) = MeanAndDeviation(drops);
                results[c] = new ColumnImportance(column.Name, mean, sd, repeats);
                return worker;
            },
            _ => { }
        );

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

    /// <summary>One worker's scratch: a working copy of the data and buffers.</summary>
    private sealed record Worker(
        FeatureMatrix Working,
        int[] Permutation,
        double[] Scores,
        double[] Drops
    );
}
