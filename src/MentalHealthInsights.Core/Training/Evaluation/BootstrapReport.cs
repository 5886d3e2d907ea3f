using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>Percentile-bootstrap intervals for every metric of one model's test predictions.</summary>
/// <param name="Estimate">Metrics on the original rows (each interval's <see cref="Interval.Estimate"/>).</param>
/// <param name="Intervals">Interval per <see cref="MetricNames"/> key, in <see cref="MetricNames.All"/> order.</param>
/// <param name="ResamplesUsed">
/// Resamples that contributed per metric: all of them except, for <c>roc_auc</c>, resamples with a
/// class absent and, for <c>pr_auc</c>, resamples without positives (the metric is undefined there).
/// </param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Seed">Seed of the resampling <see cref="Random"/>.</param>
/// <param name="Confidence">Interval coverage, e.g. 0.95.</param>
public sealed record BootstrapReport(
    MetricSet Estimate,
    IReadOnlyDictionary<string, Interval> Intervals,
    IReadOnlyDictionary<string, int> ResamplesUsed,
    int Resamples,
    int Seed,
    double Confidence
);
