namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>Why retraining is asked for.</summary>
/// <param name="MonitoringRunId">The monitoring run whose alerts ask for it.</param>
/// <param name="Alerts">The fired alerts that qualify (severity at least the policy's minimum).</param>
/// <param name="RequestedAt">When it was asked for.</param>
public sealed record RetrainingRequest(
    string MonitoringRunId,
    IReadOnlyList<AlertRecord> Alerts,
    DateTimeOffset RequestedAt
);
