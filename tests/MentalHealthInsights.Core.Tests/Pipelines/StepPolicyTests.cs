using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Core.Tests.Pipelines;

public sealed class StepPolicyTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 300)] // 5 × 2^6 = 320 s, capped at MaxDelay 300 s.
    public void BackoffDelay_NoJitter_ExponentialUpToTheCap(int attempt, double seconds)
    {
        var policy = StepPolicy.Default with { Jitter = 0 };

        Assert.Equal(TimeSpan.FromSeconds(seconds), policy.BackoffDelay(attempt, 0.7));
    }

    [Theory]
    [InlineData(0.0, 8)] // 10 s × (1 − 0.2)
    [InlineData(0.5, 10)]
    [InlineData(0.75, 11)] // 10 s × (1 + 0.2 × 0.5)
    public void BackoffDelay_Jitter_ScalesWithinPlusMinusJitter(double unit, double seconds)
    {
        var delay = StepPolicy.Default.BackoffDelay(2, unit);

        Assert.Equal(seconds, delay.TotalSeconds, 9);
    }

    [Fact]
    public void FindProblems_BadValues_Named()
    {
        var policy = new StepPolicy
        {
            MaxAttempts = 0,
            Jitter = 1,
            BackoffMultiplier = 0.5,
            Timeout = TimeSpan.Zero,
        };

        var problems = policy.FindProblems("training/train");

        Assert.Equal(4, problems.Count);
        Assert.All(
            problems,
            p => Assert.StartsWith("training/train:", p, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void PolicyFor_MostSpecificKeyWins()
    {
        var exact = StepPolicy.Default with { MaxAttempts = 1 };
        var perPipeline = StepPolicy.Default with { MaxAttempts = 2 };
        var any = StepPolicy.Default with { MaxAttempts = 5 };
        var options = new PipelineRunnerOptions
        {
            Policies = new Dictionary<string, StepPolicy>
            {
                ["training/train"] = exact,
                ["training/*"] = perPipeline,
                ["*"] = any,
            },
        };

        Assert.Same(exact, options.PolicyFor("training", "train"));
        Assert.Same(perPipeline, options.PolicyFor("training", "eda"));
        Assert.Same(any, options.PolicyFor("monitoring", "collect"));
        Assert.Same(StepPolicy.Default, new PipelineRunnerOptions().PolicyFor("x", "y"));
    }
}
