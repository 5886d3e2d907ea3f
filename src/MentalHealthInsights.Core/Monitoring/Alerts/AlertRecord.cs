namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>One breach of one rule in one monitoring run, as the store keeps it.</summary>
/// <param name="AlertId">Unique id: <c>{monitoring run id}/{rule name}</c>.</param>
/// <param name="MonitoringRunId">The monitoring run that found the breach.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Condition">The rule's condition, e.g. "f1_drop > 0.05".</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Value">The metric's value in the run.</param>
/// <param name="Threshold">The rule's threshold.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Status">Fired (announced) or Suppressed (de-duplicated).</param>
/// <param name="Reason">Why it fired or was suppressed.</param>
/// <param name="WindowStart">The run's window start.</param>
/// <param name="WindowEnd">The run's window end.</param>
/// <param name="BreachedSince">End of the first window of this breach episode.</param>
/// <param name="CreatedAt">When the alert was recorded.</param>
public sealed record AlertRecord(
    string AlertId,
    string MonitoringRunId,
    string RuleName,
    string Condition,
    string Metric,
    double Value,
    double Threshold,
    AlertSeverity Severity,
    AlertStatus Status,
    string Reason,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset BreachedSince,
    DateTimeOffset CreatedAt
);
