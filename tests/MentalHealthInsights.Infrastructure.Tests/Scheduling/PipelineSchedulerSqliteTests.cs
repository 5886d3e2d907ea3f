using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Scheduling;

namespace MentalHealthInsights.Infrastructure.Tests.Scheduling;

/// <summary>
/// Quartz on the embedded SQLite job store with real time: a schedule fires, survives a
/// restart (declared once, read back from the job store), and misfires follow the policy.
/// Waits are bounded polls, never assertions on durations.
/// </summary>
public sealed class PipelineSchedulerSqliteTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-quartz-" + Guid.NewGuid().ToString("N")
    );
    private readonly InMemoryPipelineRunStore _runs = new();

    private SchedulerSettings Settings =>
        new()
        {
            JobStore = "sqlite:///" + Path.Combine(_folder, "quartz.db"),
            MisfireThresholdSeconds = 1,
        };

    private static ScheduleSettings EverySecond(string misfire = "fire-once") =>
        new()
        {
            Name = "often",
            Pipeline = "echo",
            Cron = "* * * * * ?",
            Misfire = misfire,
            Parameters = new() { ["word"] = "hi" },
        };

    private Task<PipelineScheduler> CreateAsync() =>
        PipelineScheduler.CreateAsync(Settings, Services());

    private PipelineJobServices Services() =>
        new(_runs, TimeProvider.System, new PipelineRunnerOptions { OwnerId = "test-node" }, null)
        {
            Pipelines = (name, _) => name == "echo" ? EchoPipeline.Create() : null,
        };

    [Fact]
    public async Task Schedule_EverySecond_FiresAndRecordsScheduledRuns()
    {
        await using var scheduler = await CreateAsync();
        var applied = await scheduler.ApplySchedulesAsync([EverySecond()], CancellationToken.None);
        await scheduler.StartAsync(CancellationToken.None);

        var runs = await WaitForRunsAsync(2);
        await scheduler.ShutdownAsync(true, CancellationToken.None);

        Assert.Equal(["often"], applied.Added);
        Assert.All(runs, r => Assert.Equal(PipelineRunState.Completed, r.State));
        Assert.All(runs, r => Assert.Equal(PipelineTrigger.Schedule, r.Trigger));
        Assert.All(runs, r => Assert.Equal("hi", r.Parameters["word"]));
        Assert.Equal(runs.Count, runs.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task StartNodeAsync_SingleNodeDefault_AppliesListsThenStarts()
    {
        var settings = new PipelineSettings { Scheduler = Settings, Schedules = [EverySecond()] };
        SchedulerNodeStartup? reported = null;

        await using (
            var node = await PipelineScheduler.StartNodeAsync(
                settings,
                Services(),
                null,
                startup => reported = startup,
                CancellationToken.None
            )
        )
        {
            var runs = await WaitForRunsAsync(1);
            await node.ShutdownAsync(true, CancellationToken.None);

            Assert.NotEmpty(runs);
        }

        Assert.Equal(["often"], reported!.Applied!.Added);
        Assert.Equal("often", Assert.Single(reported.Schedules).Name);
    }

    [Fact]
    public async Task StartNodeAsync_ApplyFalse_LeavesTheJobStoreSchedulesAlone()
    {
        var settings = new PipelineSettings { Scheduler = Settings, Schedules = [EverySecond()] };
        SchedulerNodeStartup? reported = null;

        await using (
            var node = await PipelineScheduler.StartNodeAsync(
                settings,
                Services(),
                false,
                startup => reported = startup,
                CancellationToken.None
            )
        )
        {
            Assert.Equal(Quartz.SchedulerStatus.Running, node.Scheduler.Status);
            await node.ShutdownAsync(false, CancellationToken.None);
        }

        Assert.Null(reported!.Applied);
        Assert.Empty(reported.Schedules);
    }

    [Fact]
    public async Task Schedule_AfterRestart_StillFiresWithoutBeingDeclaredAgain()
    {
        await using (var first = await CreateAsync())
        {
            await first.ApplySchedulesAsync([EverySecond()], CancellationToken.None);
        }

        await using var second = await CreateAsync();
        var stored = await second.ListSchedulesAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
        var runs = await WaitForRunsAsync(1);
        var again = await second.ApplySchedulesAsync([EverySecond()], CancellationToken.None);
        await second.ShutdownAsync(true, CancellationToken.None);

        Assert.Equal("often", Assert.Single(stored).Name);
        Assert.NotEmpty(runs);
        Assert.Equal(["often"], again.Unchanged);
        Assert.Empty(again.Added);
    }

    [Fact]
    public async Task Schedule_RemovedFromSettings_RemovedFromTheJobStore()
    {
        await using var scheduler = await CreateAsync();
        await scheduler.ApplySchedulesAsync([EverySecond()], CancellationToken.None);

        var result = await scheduler.ApplySchedulesAsync([], CancellationToken.None);

        Assert.Equal(["often"], result.Removed);
        Assert.Empty(await scheduler.ListSchedulesAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("fire-once", 1)]
    [InlineData("skip", 0)]
    public async Task Schedule_MissedWhileNoWorkerRan_MisfirePolicyDecides(
        string misfire,
        int expectedRuns
    )
    {
        await using (var down = await CreateAsync())
        {
            // Once a minute, at the second after next: missed while no scheduler runs. Computed
            // after the job store exists, so creating it cannot eat the margin.
            var second = (TimeProvider.System.GetUtcNow().Second + 2) % 60;
            var schedule = EverySecond(misfire) with { Cron = $"{second} * * * * ?" };
            await down.ApplySchedulesAsync([schedule], CancellationToken.None);
            var next = (await down.ListSchedulesAsync(CancellationToken.None))[0].Next;
            Assert.True(next < TimeProvider.System.GetUtcNow().AddSeconds(3), $"next fire {next}");
        }
        // Past the firing and the 1 s misfire threshold.
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        await using var scheduler = await CreateAsync();
        await scheduler.StartAsync(CancellationToken.None);
        // The misfire is handled when the trigger's next fire time moves to the next minute.
        for (var i = 0; i < 200; i++)
        {
            var next = (await scheduler.ListSchedulesAsync(CancellationToken.None))[0].Next;
            if (next > TimeProvider.System.GetUtcNow().AddSeconds(30))
            {
                break;
            }
            await Task.Delay(50);
        }
        var runs = expectedRuns > 0 ? await WaitForRunsAsync(expectedRuns) : await AllRunsAsync();
        await scheduler.ShutdownAsync(true, CancellationToken.None);

        Assert.Equal(expectedRuns, runs.Count);
    }

    private async Task<IReadOnlyList<PipelineRunRecord>> AllRunsAsync() =>
        await _runs.ListRunsAsync(100, CancellationToken.None);

    private async Task<IReadOnlyList<PipelineRunRecord>> WaitForRunsAsync(int count)
    {
        // Bounded: a once-a-second schedule gives `count` finished runs within a few seconds.
        for (var i = 0; i < 300; i++)
        {
            var runs = (await AllRunsAsync()).Where(r => r.IsFinished).ToList();
            if (runs.Count >= count)
            {
                return runs;
            }
            await Task.Delay(50);
        }
        return await AllRunsAsync();
    }

    public void Dispose()
    {
        SqliteTestFolder.Delete(_folder);
    }
}
