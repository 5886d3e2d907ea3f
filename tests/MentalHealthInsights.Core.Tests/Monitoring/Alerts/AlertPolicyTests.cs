using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Core.Tests.Monitoring.Alerts;

public sealed class AlertPolicyTests
{
    [Fact]
    public void Default_NoRulesConfigured_HasTheIssuesFourRules()
    {
        var policy = AlertPolicy.Default;

        Assert.Equal(
            ["f1_drop > 0.05", "dataset_drift == 1", "prediction_drift == 1", "fairness_gap > 0.1"],
            policy.Rules.Select(r => r.Condition)
        );
        Assert.Equal(
            [
                AlertSeverity.Critical,
                AlertSeverity.Warning,
                AlertSeverity.Warning,
                AlertSeverity.Critical,
            ],
            policy.Rules.Select(r => r.Severity)
        );
        Assert.Equal(TimeSpan.FromDays(7), policy.CoolDown);
        Assert.False(policy.RetrainOnAlert);
        Assert.Equal(AlertSeverity.Critical, policy.RetrainMinimumSeverity);
    }

    [Fact]
    public void Create_ValidOptions_KeepsOrderNamesAndSeverities()
    {
        var policy = AlertPolicy.Create(
            new AlertPolicyOptions
            {
                Rules =
                [
                    new()
                    {
                        Name = "drift",
                        When = "drift_share >= 0.3",
                        Severity = "INFO",
                    },
                    new() { Name = "f1", When = "f1 < 0.6" },
                ],
                CoolDownHours = 0,
                RetrainOnAlert = true,
                RetrainMinimumSeverity = "warning",
            }
        );

        Assert.Equal(["drift", "f1"], policy.Rules.Select(r => r.Name));
        Assert.Equal(AlertSeverity.Info, policy.Rules[0].Severity);
        Assert.Equal(AlertSeverity.Warning, policy.Rules[1].Severity);
        Assert.Equal(TimeSpan.Zero, policy.CoolDown);
        Assert.True(policy.RetrainOnAlert);
        Assert.Equal(AlertSeverity.Warning, policy.RetrainMinimumSeverity);
    }

    [Fact]
    public void Create_ManyProblems_ReportsEveryOneWithItsRule()
    {
        var error = Assert.Throws<AlertPolicyException>(() =>
            AlertPolicy.Create(
                new AlertPolicyOptions
                {
                    Rules =
                    [
                        new() { Name = "a", When = "f1_dorp > 0.05" },
                        new()
                        {
                            Name = "a",
                            When = "f1 < 0.5",
                            Severity = "urgent",
                        },
                        new() { When = "f1 <" },
                        new() { Name = "bad name!", When = "f1 < 0.5" },
                    ],
                    CoolDownHours = -1,
                    RetrainMinimumSeverity = "high",
                }
            )
        );

        Assert.Equal(8, error.Problems.Count);
        Assert.Contains(
            error.Problems,
            p =>
                p.Contains("Rule 1 (\"a\"): unknown metric \"f1_dorp\"", StringComparison.Ordinal)
                && p.Contains("f1_drop", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Problems,
            p =>
                p.Contains(
                    "Rule 2 (\"a\"): another rule has the same Name",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            error.Problems,
            p => p.Contains("Rule 2 (\"a\"): Severity \"urgent\"", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Problems,
            p => p.StartsWith("Rule 3 has no Name", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Problems,
            p => p.StartsWith("Rule 3: When", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Problems,
            p =>
                p.StartsWith("Rule 4 (\"bad name!\"): Name may hold only", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Problems,
            p => p.StartsWith("CoolDownHours must be between 0 and 8760", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Problems,
            p => p.StartsWith("RetrainMinimumSeverity \"high\"", StringComparison.Ordinal)
        );
        Assert.StartsWith("Invalid alert configuration:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadNameCharacters_IsAProblem()
    {
        var policy = AlertPolicy.TryCreate(
            new AlertPolicyOptions { Rules = [new() { Name = "bad name!", When = "f1 < 0.5" }] },
            out var problems
        );

        Assert.Null(policy);
        Assert.Single(problems);
        Assert.Contains("Name may hold only", problems[0], StringComparison.Ordinal);
    }
}
