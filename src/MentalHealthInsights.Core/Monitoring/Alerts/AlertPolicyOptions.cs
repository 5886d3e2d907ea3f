namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// The alert policy as configured (the "Alerts" JSON section), before validation by
/// <see cref="AlertPolicy.Create"/>.
/// </summary>
public sealed record AlertPolicyOptions
{
    /// <summary>The rules; null or empty uses <see cref="AlertPolicy.DefaultRules"/>.</summary>
    public IReadOnlyList<AlertRuleOptions>? Rules { get; init; }

    /// <summary>
    /// Hours a still-breached rule stays quiet after it alerted, measured on the monitoring
    /// windows' end times (so a backfill behaves as live monitoring would). Default 168 (a week:
    /// daily windows page once, then weekly while the breach lasts); 0 re-alerts
    /// every window; at most 8,760 (a year).
    /// </summary>
    public double CoolDownHours { get; init; } = 168;

    /// <summary>Start retraining when an alert of at least <see cref="RetrainMinimumSeverity"/> fires. Default false.</summary>
    public bool RetrainOnAlert { get; init; }

    /// <summary>The least severity that starts retraining: "info", "warning" or "critical". Default "critical".</summary>
    public string? RetrainMinimumSeverity { get; init; }
}
