using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// One validated rule of the policy: when <c>Metric Comparison Threshold</c> holds for a
/// monitoring run, the rule is breached. Build rules with <see cref="AlertPolicy.Create"/>,
/// which checks names, metrics and conditions.
/// </summary>
/// <param name="Name">Unique name; de-duplication and the store key alerts by it.</param>
/// <param name="Metric">One of <see cref="AlertMetricNames.All"/>.</param>
/// <param name="Comparison">The operator.</param>
/// <param name="Threshold">A finite number.</param>
/// <param name="Severity">How urgent a breach is.</param>
public sealed record AlertRule(
    string Name,
    string Metric,
    AlertComparison Comparison,
    double Threshold,
    AlertSeverity Severity
)
{
    /// <summary>The condition as configured, e.g. <c>f1_drop &gt; 0.05</c>.</summary>
    public string Condition =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Metric} {AlertConditionParser.Symbol(Comparison)} {Threshold:R}"
        );

    /// <summary>True when <paramref name="value"/> breaches the rule; NaN never does.</summary>
    public bool IsBreachedBy(double value) =>
        !double.IsNaN(value)
        && Comparison switch
        {
            AlertComparison.GreaterThan => value > Threshold,
            AlertComparison.GreaterThanOrEqual => value >= Threshold,
            AlertComparison.LessThan => value < Threshold,
            AlertComparison.LessThanOrEqual => value <= Threshold,
            AlertComparison.Equal => value == Threshold,
            AlertComparison.NotEqual => value != Threshold,
            _ => false,
        };
}
