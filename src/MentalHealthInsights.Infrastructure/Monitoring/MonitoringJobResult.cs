using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>What a monitoring run produced: the report (for the alert policy and snapshot store), its files and the tracking run.</summary>
/// <param name="Report">The analysis result.</param>
/// <param name="Output">The files written.</param>
/// <param name="TrackingRunId">The tracking run, or null when tracking was off.</param>
public sealed record MonitoringJobResult(
    MonitoringReport Report,
    MonitoringOutput Output,
    string? TrackingRunId
)
{
    /// <summary>
    /// What the alert service did with the run (snapshot stored, alerts fired or suppressed,
    /// deliveries); null when the job ran without an alert service.
    /// </summary>
    public AlertRunResult? Alerts { get; init; }
}
