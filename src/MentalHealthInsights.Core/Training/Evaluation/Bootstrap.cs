using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>
/// Percentile bootstrap confidence intervals: rows are resampled with replacement (n of n) from
/// <c>new Random(seed)</c>, every metric is recomputed on each resample at the same fixed
/// threshold, and the interval is the (1 − c)/2 and (1 + c)/2 quantiles of the replicates (linear
/// interpolation, numpy's default). Deterministic for a seed. A resample costs O(n) and allocates
/// nothing: the rows are sorted once and resamples are row multiplicities.
/// </summary>
public static class Bootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>Default seed.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Default interval coverage.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// Intervals for every metric of <see cref="MetricSet"/>, keyed by <see cref="MetricNames"/>.
    /// Use <see cref="Run"/> to also get how many resamples each interval used.
    /// </summary>
    /// <inheritdoc cref="Run" path="/param"/>
    /// <inheritdoc cref="Run" path="/exception"/>
    public static IReadOnlyDictionary<string, Interval> MetricIntervals(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double threshold,
        int resamples = DefaultResamples,
        int seed = DefaultSeed,
        double confidence = DefaultConfidence
    ) => Run(labels, probabilities, threshold, resamples, seed, confidence).Intervals;

    /// <summary>Metrics, their intervals and the resamples each interval used.</summary>
    /// <param name="labels">True classes.</param>
    /// <param name="probabilities">Probabilities of the positive class in [0, 1].</param>
    /// <param name="threshold">Decision threshold, fixed across resamples (choose it on out-of-fold predictions, not here).</param>
    /// <param name="resamples">Resamples to draw, at least 1 (default 1,000; use ≥ 1,000 for 95% intervals).</param>
    /// <param name="seed">Seed of the resampling generator (default 42).</param>
    /// <param name="confidence">Coverage in (0, 1) (default 0.95).</param>
    /// <exception cref="ArgumentException">Empty or mismatched input, a probability outside [0, 1], a NaN threshold.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> outside (0, 1).</exception>
    public static BootstrapReport Run(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double threshold,
        int resamples = DefaultResamples,
        int seed = DefaultSeed,
        double confidence = DefaultConfidence
    )
    {
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        InputGuard.Threshold(threshold);
        Resampler.ValidateCount(resamples);
        InputGuard.Confidence(confidence);

        var evaluator = new MetricEvaluator(labels, probabilities, threshold);
        var estimate = evaluator.Evaluate();
        var metricCount = MetricNames.All.Count;

        var replicates = new double[metricCount][];
        for (var m = 0; m < metricCount; m++)
        {
            replicates[m] = new double[resamples];
        }

        var resampler = new Resampler(labels.Length, seed);
        var weights = new int[labels.Length];
        Span<double> values = stackalloc double[metricCount];
        for (var b = 0; b < resamples; b++)
        {
            resampler.NextWeights(weights);
            evaluator.Evaluate(weights, values);
            for (var m = 0; m < metricCount; m++)
            {
                replicates[m][b] = values[m];
            }
        }

        Span<double> estimates = stackalloc double[metricCount];
        estimate.WriteTo(estimates);
        var intervals = new Dictionary<string, Interval>(metricCount, StringComparer.Ordinal);
        var used = new Dictionary<string, int>(metricCount, StringComparer.Ordinal);
        for (var m = 0; m < metricCount; m++)
        {
            var name = MetricNames.All[m];
            if (double.IsNaN(estimates[m]))
            {
                // Undefined on the data itself (a class absent): no interval either.
                intervals.Add(name, Interval.Undefined);
                used.Add(name, 0);
                continue;
            }

            var (lower, upper, count) = Percentile.Interval(replicates[m], confidence);
            intervals.Add(name, new Interval(estimates[m], lower, upper));
            used.Add(name, count);
        }

        return new BootstrapReport(estimate, intervals, used, resamples, seed, confidence);
    }
}
