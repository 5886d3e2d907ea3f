namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>Evaluates a policy's rules on a monitoring run's key metrics.</summary>
public static class AlertEvaluator
{
    /// <summary>
    /// One outcome per rule, in policy order. A metric that is absent or NaN (e.g. target_drift
    /// without labels) leaves its rule not evaluated: neither breached nor cleared.
    /// </summary>
    public static IReadOnlyList<AlertRuleOutcome> Evaluate(
        AlertPolicy policy,
        IReadOnlyDictionary<string, double> keyMetrics
    )
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(keyMetrics);
        var outcomes = new AlertRuleOutcome[policy.Rules.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var rule = policy.Rules[i];
            outcomes[i] =
                keyMetrics.TryGetValue(rule.Metric, out var value) && !double.IsNaN(value)
                    ? new AlertRuleOutcome(rule, value, rule.IsBreachedBy(value))
                    : new AlertRuleOutcome(rule, null, false);
        }
        return outcomes;
    }
}
