using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Scheduling;

namespace MentalHealthInsights.Infrastructure.Tests.Scheduling;

/// <summary>
/// Stopping a scheduler node while a pipeline runs on it, on the real SQLite job store with
/// real time: the run is cancelled and recorded Cancelled before the stop returns, no job is
/// left executing, and a node disposed without a stop still tells its runs to cancel. Waits
/// are bounded polls.
/// </summary>
public sealed class PipelineSchedulerStopTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-quartz-stop-" + Guid.NewGuid().ToString("N")
    );
    private readonly InMemoryPipelineRunStore _runs = new();
    private readonly TaskCompletionSource _started = new(
        TaskCreationOptions.RunContinuationsAsynchronously
    );

    public void Dispose()
    {
        SqliteTestFolder.Delete(_folder);
    }

    [Fact]
    public async Task StopAsync_WhilePipelineRuns_RecordsItCancelledBeforeReturning()
    {
        await using var scheduler = await StartWaitingNodeAsync();
        await _started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await scheduler.StopAsync(CancellationToken.None);

        var runs = await _runs.ListRunsAsync(100, CancellationToken.None);
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal(PipelineRunState.Cancelled, r.State));
        Assert.All(runs, r => Assert.NotNull(r.EndedAt));
        Assert.Equal(0, scheduler.RunningJobs);
    }

    [Fact]
    public async Task StopAsync_Twice_SecondReturnsWithoutError()
    {
        await using var scheduler = await StartWaitingNodeAsync();
        await _started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await scheduler.StopAsync(CancellationToken.None);

        await scheduler.StopAsync(CancellationToken.None);

        var runs = await _runs.ListRunsAsync(100, CancellationToken.None);
        Assert.All(runs, r => Assert.Equal(PipelineRunState.Cancelled, r.State));
        Assert.Equal(0, scheduler.RunningJobs);
    }

    [Fact]
    public async Task DisposeAsync_WithoutStop_StillCancelsTheRunningPipeline()
    {
        var scheduler = await StartWaitingNodeAsync();
        await _started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await scheduler.DisposeAsync();

        // Disposal does not wait; the run records its end shortly after.
        IReadOnlyList<PipelineRunRecord> runs = [];
        for (var i = 0; i < 200; i++)
        {
            runs = await _runs.ListRunsAsync(100, CancellationToken.None);
            if (runs.Count > 0 && runs.All(r => r.IsFinished))
            {
                break;
            }
            await Task.Delay(50);
        }
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal(PipelineRunState.Cancelled, r.State));
    }

    private async Task<PipelineScheduler> StartWaitingNodeAsync()
    {
        var scheduler = await PipelineScheduler.CreateAsync(
            new SchedulerSettings
            {
                JobStore = "sqlite:///" + Path.Combine(_folder, "quartz.db"),
                MisfireThresholdSeconds = 1,
            },
            new PipelineJobServices(
                _runs,
                TimeProvider.System,
                new PipelineRunnerOptions { OwnerId = "stop-node" },
                null
            )
            {
                Pipelines = (name, _) =>
                    name == "wait"
                        ? new PipelineDefinition(
                            "wait",
                            "test",
                            [],
                            [new WaitUntilCancelledStep(_started)]
                        )
                        : null,
            }
        );
        await scheduler.ApplySchedulesAsync(
            [
                new ScheduleSettings
                {
                    Name = "often",
                    Pipeline = "wait",
                    Cron = "* * * * * ?",
                    Misfire = "skip",
                },
            ],
            CancellationToken.None
        );
        await scheduler.StartAsync(CancellationToken.None);
        return scheduler;
    }
}
