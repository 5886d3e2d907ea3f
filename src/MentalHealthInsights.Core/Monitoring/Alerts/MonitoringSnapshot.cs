namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// What the monitoring store keeps of one monitoring run, so trends can be shown over time:
/// the window, the key metrics (<see cref="AlertMetricNames"/>), verdicts and where the report is.
/// Summaries only: never rows or record values.
/// </summary>
/// <param name="RunId">The monitoring run's id (unique; the tracking run id when tracked).</param>
/// <param name="WindowStart">Start of the current window (inclusive).</param>
/// <param name="WindowEnd">End of the current window (exclusive); de-duplication orders windows by it.</param>
/// <param name="CreatedAt">When the run finished.</param>
/// <param name="KeyMetrics">The run's key metrics by name; NaN values are stored as absent.</param>
/// <param name="Verdicts">Short verdicts by subject, e.g. "Sleep_Hours" → "drift" (may be empty).</param>
/// <param name="ReportPath">Path or URI of the HTML report; null when none was written.</param>
/// <param name="Model">The monitored model, e.g. "mental-health-classifier/3"; null when unknown.</param>
public sealed record MonitoringSnapshot(
    string RunId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, double> KeyMetrics,
    IReadOnlyDictionary<string, string> Verdicts,
    string? ReportPath,
    string? Model
);
