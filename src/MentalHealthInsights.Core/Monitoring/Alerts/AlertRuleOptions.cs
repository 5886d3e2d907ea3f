namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>One rule as configured (JSON), before validation.</summary>
public sealed record AlertRuleOptions
{
    /// <summary>Unique name of the rule (letters, digits, '-', '_', '.'), e.g. "f1-drop". Required.</summary>
    public string? Name { get; init; }

    /// <summary>The condition, e.g. "f1_drop > 0.05" (see <see cref="AlertConditionParser"/>). Required.</summary>
    public string? When { get; init; }

    /// <summary>"info", "warning" or "critical" (any case). Default "warning".</summary>
    public string? Severity { get; init; }
}
