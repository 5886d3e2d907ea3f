namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// One recorded breach of an alert rule. Status is "fired" or "suppressed" (de-duplicated);
/// severity is "info", "warning" or "critical".
/// </summary>
internal sealed record MonitoringAlertItem(
    string AlertId,
    string MonitoringRunId,
    string Rule,
    string Condition,
    string Metric,
    double Value,
    double Threshold,
    string Severity,
    string Status,
    string Reason,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset BreachedSince,
    DateTimeOffset CreatedAt
);
