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
)
{
    /// <summary>The verdict of a drifted subject.</summary>
    public const string DriftVerdict = "drift";

    /// <summary>The verdict of a tested subject that did not drift.</summary>
    public const string StableVerdict = "stable";

    /// <summary>
    /// The snapshot of <paramref name="report"/>: its key metrics, and verdicts
    /// (<see cref="DriftVerdict"/> / <see cref="StableVerdict"/>) for every tested feature column,
    /// <c>prediction</c>, <c>target</c> (when labels exist) and <c>dataset</c>. Columns without a
    /// score (empty after cleaning) get no verdict. <c>CreatedAt</c> is the report's time.
    /// </summary>
    /// <param name="report">The monitoring report.</param>
    /// <param name="runId">The monitoring run's id.</param>
    /// <param name="windowStart">Start of the window the run covers.</param>
    /// <param name="windowEnd">End of the window (de-duplication orders runs by it).</param>
    /// <param name="reportPath">The HTML report, or null.</param>
    /// <param name="model">The monitored model, or null.</param>
    public static MonitoringSnapshot FromReport(
        MonitoringReport report,
        string runId,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        string? reportPath,
        string? model
    )
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in report.Drift.Features.Where(c => !double.IsNaN(c.Score)))
        {
            verdicts[column.Column] = column.Drifted ? DriftVerdict : StableVerdict;
        }
        if (report.Drift.PredictionTested)
        {
            verdicts["prediction"] = report.Drift.PredictionDrift ? DriftVerdict : StableVerdict;
        }
        if (report.Drift.TargetDrift is { } target && !double.IsNaN(target.Score))
        {
            verdicts["target"] = target.Drifted ? DriftVerdict : StableVerdict;
        }
        if (report.Drift.ColumnsTested > 0)
        {
            verdicts["dataset"] = report.Drift.DatasetDrift ? DriftVerdict : StableVerdict;
        }
        return new MonitoringSnapshot(
            runId,
            windowStart,
            windowEnd,
            report.GeneratedAt,
            report.KeyMetrics,
            verdicts,
            reportPath,
            model
        );
    }
}
