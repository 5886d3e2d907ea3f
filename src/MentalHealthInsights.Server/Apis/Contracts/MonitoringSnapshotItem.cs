namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// One monitoring run's summary: its window, key metrics by name (drift_share, dataset_drift,
/// f1, f1_is_estimated, f1_reference, f1_drop, fairness_gap, rows_current, …; absent when not
/// measured), verdicts by subject and where its report was written. Never record values.
/// </summary>
internal sealed record MonitoringSnapshotItem(
    string RunId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset CreatedAt,
    string? Model,
    string? ReportPath,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Verdicts
);
