namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// One validation fold of one configuration: metrics at threshold 0.5 on the fold's raw
/// (uncalibrated) predictions, keyed by MetricNames. A "metric with a step" for tracking
/// (step = <see cref="Fold"/>).
/// </summary>
/// <param name="Fold">0-based fold index.</param>
/// <param name="Rows">Validation rows of the fold.</param>
/// <param name="Metrics">Metric values (NaN when undefined on the fold).</param>
public sealed record FoldMetrics(int Fold, int Rows, IReadOnlyDictionary<string, double> Metrics);
