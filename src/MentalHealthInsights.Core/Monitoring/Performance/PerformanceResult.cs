namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>Quality of the current data against the reference.</summary>
/// <param name="Reference">Realised metrics on the reference (accuracy, precision, recall, f1, roc_auc).</param>
/// <param name="Overall">The whole current period as one window.</param>
/// <param name="Windows">One entry per window (daily by default).</param>
/// <param name="CbpeCalibrated">Whether CBPE calibrated the scores (null: CBPE not fitted).</param>
/// <param name="CbpeThresholds">CBPE alert thresholds per metric (lower, upper).</param>
public sealed record PerformanceResult(
    IReadOnlyDictionary<string, double> Reference,
    PerformanceWindow Overall,
    IReadOnlyList<PerformanceWindow> Windows,
    bool? CbpeCalibrated,
    IReadOnlyDictionary<string, double[]> CbpeThresholds
);
