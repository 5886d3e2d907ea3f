namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>A retraining request as the store keeps it.</summary>
/// <param name="MonitoringRunId">The monitoring run that asked.</param>
/// <param name="AlertIds">The alerts that asked.</param>
/// <param name="RequestedAt">When it was asked for.</param>
/// <param name="FinishedAt">When the outcome was known.</param>
/// <param name="Outcome">What came of it.</param>
public sealed record RetrainingRecord(
    string MonitoringRunId,
    IReadOnlyList<string> AlertIds,
    DateTimeOffset RequestedAt,
    DateTimeOffset FinishedAt,
    RetrainingOutcome Outcome
);
