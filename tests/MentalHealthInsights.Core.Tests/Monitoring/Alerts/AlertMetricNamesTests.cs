using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Core.Tests.Monitoring.Alerts;

public sealed class AlertMetricNamesTests
{
    [Theory]
    [InlineData("f1_drop", true)]
    [InlineData("column_drift_Sleep_Hours", true)]
    [InlineData("column_drift_Stress_Level", true)]
    [InlineData("column_drift_Occupation", true)]
    [InlineData("column_drift_", false)]
    [InlineData("column_drift_sleep_hours", false)]
    [InlineData("column_drift_Nope", false)]
    [InlineData("f1_dorp", false)]
    public void IsKnown_Names_FixedNamesAndDatasetColumnFlags(string metric, bool known)
    {
        Assert.Equal(known, AlertMetricNames.IsKnown(metric));
    }

    [Fact]
    public void Create_ColumnDriftRule_EvaluatesOnlyThatColumnsFlag()
    {
        var policy = AlertPolicy.Create(
            new AlertPolicyOptions
            {
                Rules =
                [
                    new() { Name = "sleep", When = "column_drift_Sleep_Hours == 1" },
                    new() { Name = "stress", When = "column_drift_Stress_Level == 1" },
                ],
            }
        );

        var outcomes = AlertEvaluator.Evaluate(
            policy,
            new Dictionary<string, double> { ["column_drift_Sleep_Hours"] = 1 }
        );

        Assert.True(outcomes[0].Breached);
        Assert.False(outcomes[1].Evaluated);
    }
}
