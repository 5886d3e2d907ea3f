using MentalHealthInsights.Infrastructure.Scheduling;

namespace MentalHealthInsights.Infrastructure.Tests.Scheduling;

/// <summary>The node's own record of its running jobs and its stop signal.</summary>
public sealed class PipelineNodeJobsTests
{
    [Fact]
    public async Task StopAsync_JobsRunning_CancelsAndWaitsUntilTheLastLeaves()
    {
        using var jobs = new PipelineNodeJobs();
        var first = jobs.Enter();
        var second = jobs.Enter();

        var stop = jobs.StopAsync(CancellationToken.None);

        Assert.True(jobs.Stopping.IsCancellationRequested);
        Assert.False(stop.IsCompleted);
        first.Dispose();
        await Task.Delay(20);
        Assert.False(stop.IsCompleted);
        Assert.Equal(1, jobs.Running);
        second.Dispose();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, jobs.Running);
    }

    [Fact]
    public async Task StopAsync_NoJob_ReturnsAtOnceAndLaterJobsSeeTheStop()
    {
        using var jobs = new PipelineNodeJobs();

        await jobs.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        using var late = jobs.Enter();
        Assert.True(jobs.Stopping.IsCancellationRequested);
        Assert.Equal(1, jobs.Running);
    }

    [Fact]
    public async Task StopAsync_WaitEndedByToken_Throws()
    {
        using var jobs = new PipelineNodeJobs();
        using var stuck = jobs.Enter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            jobs.StopAsync(timeout.Token)
        );
        Assert.Equal(1, jobs.Running);
    }

    [Fact]
    public async Task Dispose_WhileAJobRuns_TheJobStillReadsTheSignal()
    {
        var jobs = new PipelineNodeJobs();
        var running = jobs.Enter();
        await jobs.CancelAsync();

        jobs.Dispose();

        Assert.True(jobs.Stopping.IsCancellationRequested);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(jobs.Stopping);
        Assert.True(linked.IsCancellationRequested);
        running.Dispose();
        Assert.Equal(0, jobs.Running);
    }
}
