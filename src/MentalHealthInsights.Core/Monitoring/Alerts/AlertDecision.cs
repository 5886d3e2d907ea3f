namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>The de-duplication decision for one rule in one window.</summary>
/// <param name="Status">Fired or Suppressed for a breach; null when the rule is not breached (nothing to record).</param>
/// <param name="Reason">Why, in words (stored beside the alert).</param>
/// <param name="NextState">The rule's state after this window.</param>
public sealed record AlertDecision(AlertStatus? Status, string Reason, AlertRuleState NextState);
