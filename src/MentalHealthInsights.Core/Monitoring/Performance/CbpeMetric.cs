namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>The metrics CBPE estimates (names as <see cref="Core.Training.Metrics.MetricNames"/>).</summary>
public static class CbpeMetric
{
    /// <summary>The estimated metrics, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Core.Training.Metrics.MetricNames.Accuracy,
        Core.Training.Metrics.MetricNames.Precision,
        Core.Training.Metrics.MetricNames.Recall,
        Core.Training.Metrics.MetricNames.F1,
        Core.Training.Metrics.MetricNames.RocAuc,
    ];
}
