namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What a channel announces: the alerts that fired in one monitoring run (one message per run, not per rule).</summary>
/// <param name="Snapshot">The monitoring run.</param>
/// <param name="Alerts">The fired alerts (never empty).</param>
public sealed record AlertNotification(
    MonitoringSnapshot Snapshot,
    IReadOnlyList<AlertRecord> Alerts
);
