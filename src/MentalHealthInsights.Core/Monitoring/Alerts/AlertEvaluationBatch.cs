namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What one evaluation writes to the store at once: the alerts and the rules' new states.</summary>
/// <param name="Alerts">Fired and suppressed alerts.</param>
/// <param name="States">The new state of every rule that was evaluated.</param>
public sealed record AlertEvaluationBatch(
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlyList<AlertRuleState> States
);
