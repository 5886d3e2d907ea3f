namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What de-duplication remembers about one rule between monitoring runs.</summary>
/// <param name="RuleName">The rule's name.</param>
/// <param name="IsBreached">True while the rule's latest evaluated window breached it.</param>
/// <param name="BreachedSince">End of the first window of the current breach episode; null when not breached.</param>
/// <param name="LastAlertedAt">End of the window whose alert was last sent for this rule; null if never.</param>
/// <param name="LastWindowEnd">End of the latest window in which the rule was evaluated.</param>
public sealed record AlertRuleState(
    string RuleName,
    bool IsBreached,
    DateTimeOffset? BreachedSince,
    DateTimeOffset? LastAlertedAt,
    DateTimeOffset LastWindowEnd
);
