using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Core.Tests.Monitoring.Alerts;

public sealed class AlertConditionParserTests
{
    [Theory]
    [InlineData("f1_drop > 0.05", "f1_drop", AlertComparison.GreaterThan, 0.05)]
    [InlineData("f1_drop>0.05", "f1_drop", AlertComparison.GreaterThan, 0.05)]
    [InlineData("drift_share >= 0.5", "drift_share", AlertComparison.GreaterThanOrEqual, 0.5)]
    [InlineData("f1 < 0.7", "f1", AlertComparison.LessThan, 0.7)]
    [InlineData("f1 <= 7e-1", "f1", AlertComparison.LessThanOrEqual, 0.7)]
    [InlineData(" dataset_drift == 1 ", "dataset_drift", AlertComparison.Equal, 1.0)]
    [InlineData("rows_current != 0", "rows_current", AlertComparison.NotEqual, 0.0)]
    [InlineData("fairness_gap > -0.25", "fairness_gap", AlertComparison.GreaterThan, -0.25)]
    public void TryParse_ValidCondition_ReturnsItsParts(
        string text,
        string metric,
        AlertComparison comparison,
        double threshold
    )
    {
        var parsed = AlertConditionParser.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal((metric, comparison, threshold), parsed);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("f1_drop 0.05", "no operator")]
    [InlineData("> 0.05", "names no metric")]
    [InlineData("f1_drop > abc", "not a finite number")]
    [InlineData("f1_drop > 0,05", "not a finite number")]
    [InlineData("f1_drop > NaN", "not a finite number")]
    [InlineData("f1 drop > 0.05", "only letters, digits")]
    public void TryParse_InvalidCondition_ExplainsWhy(string text, string expected)
    {
        var parsed = AlertConditionParser.TryParse(text, out var error);

        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_OfParsedRule_RoundTripsTheSpelling()
    {
        var rule = new AlertRule(
            "r",
            "f1_drop",
            AlertComparison.GreaterThanOrEqual,
            0.05,
            AlertSeverity.Info
        );

        Assert.Equal("f1_drop >= 0.05", rule.Condition);
    }

    [Theory]
    [InlineData(AlertComparison.GreaterThan, 0.05, false)]
    [InlineData(AlertComparison.GreaterThanOrEqual, 0.05, true)]
    [InlineData(AlertComparison.LessThan, 0.05, false)]
    [InlineData(AlertComparison.LessThanOrEqual, 0.05, true)]
    [InlineData(AlertComparison.Equal, 0.05, true)]
    [InlineData(AlertComparison.NotEqual, 0.05, false)]
    public void IsBreachedBy_ValueAtThreshold_FollowsTheOperator(
        AlertComparison comparison,
        double value,
        bool expected
    )
    {
        var rule = new AlertRule("r", "f1_drop", comparison, 0.05, AlertSeverity.Warning);

        Assert.Equal(expected, rule.IsBreachedBy(value));
        Assert.False(rule.IsBreachedBy(double.NaN));
    }
}
