using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>What a monitoring run produced: the report (for the alert policy and snapshot store), its files and the tracking run.</summary>
/// <param name="Report">The analysis result.</param>
/// <param name="Output">The files written.</param>
/// <param name="TrackingRunId">The tracking run, or null when tracking was off.</param>
public sealed record MonitoringJobResult(
    MonitoringReport Report,
    MonitoringOutput Output,
    string? TrackingRunId
);
