using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Scenarios;

/// <summary>One monitored day of a scenario: the report and what the alert service did with it.</summary>
public sealed record ScenarioDay(int Day, MonitoringReport Report, AlertRunResult Alerts)
{
    /// <summary>True when <paramref name="rule"/> fired (not suppressed) on this day.</summary>
    public bool Fired(string rule) =>
        Alerts.Fired.Any(a => string.Equals(a.RuleName, rule, StringComparison.Ordinal));

    /// <summary>True when <paramref name="rule"/> was breached (fired or suppressed) on this day.</summary>
    public bool Breached(string rule) =>
        Alerts.Outcomes.Any(o =>
            o.Breached && string.Equals(o.Rule.Name, rule, StringComparison.Ordinal)
        );

    /// <summary>The key metric, or NaN when absent.</summary>
    public double Metric(string name) =>
        Report.KeyMetrics.TryGetValue(name, out var value) ? value : double.NaN;
}
