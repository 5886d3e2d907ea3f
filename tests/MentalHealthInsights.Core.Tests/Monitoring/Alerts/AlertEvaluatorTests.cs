using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Core.Tests.Monitoring.Alerts;

public sealed class AlertEvaluatorTests
{
    [Fact]
    public void Evaluate_MetricsOfARun_BreachesClearsAndSkipsPerRule()
    {
        var metrics = new Dictionary<string, double>
        {
            ["f1_drop"] = 0.08,
            ["dataset_drift"] = 0,
            ["prediction_drift"] = 1,
            ["fairness_gap"] = double.NaN,
        };

        var outcomes = AlertEvaluator.Evaluate(AlertPolicy.Default, metrics);

        Assert.Equal(
            ["f1-drop", "dataset-drift", "prediction-drift", "fairness-gap"],
            outcomes.Select(o => o.Rule.Name)
        );
        Assert.Equal([true, false, true, false], outcomes.Select(o => o.Breached));
        Assert.Equal([true, true, true, false], outcomes.Select(o => o.Evaluated));
        Assert.Equal(0.08, outcomes[0].Value);
        Assert.Null(outcomes[3].Value);
    }

    [Fact]
    public void Evaluate_EmptyMetrics_EvaluatesNothing()
    {
        var outcomes = AlertEvaluator.Evaluate(
            AlertPolicy.Default,
            new Dictionary<string, double>()
        );

        Assert.All(outcomes, o => Assert.False(o.Evaluated || o.Breached));
    }
}
