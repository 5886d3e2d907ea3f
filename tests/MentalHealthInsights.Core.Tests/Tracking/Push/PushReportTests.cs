using MentalHealthInsights.Core.Tracking.Push;

namespace MentalHealthInsights.Core.Tests.Tracking.Push;

public sealed class PushReportTests
{
    [Fact]
    public void Succeeded_NoFailures_True()
    {
        var report = new PushReport { RunsCopied = 3, RunsSkipped = 2 };

        Assert.True(report.Succeeded);
        Assert.Equal(0, report.RunsFailed);
    }

    [Fact]
    public void RunsFailed_MixedFailures_CountsOnlyRuns()
    {
        var report = new PushReport
        {
            Failures =
            [
                new PushFailure("run", "a", "lr", "boom"),
                new PushFailure("version", "m/1", "m", "boom"),
                new PushFailure("run", "b", "xgb", "boom"),
            ],
        };

        Assert.False(report.Succeeded);
        Assert.Equal(2, report.RunsFailed);
    }
}
