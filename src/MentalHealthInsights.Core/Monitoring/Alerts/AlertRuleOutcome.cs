namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What one rule said about one monitoring run.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Value">The metric's value; null when the run did not report it (or reported NaN): the rule was not evaluated.</param>
/// <param name="Breached">True when the value breaches the rule.</param>
public sealed record AlertRuleOutcome(AlertRule Rule, double? Value, bool Breached)
{
    /// <summary>True when the metric was reported, so the rule could be evaluated.</summary>
    public bool Evaluated => Value is not null;
}
