using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Core.Tests.Pipelines;

public sealed class PipelineRunnerTests
{
    private static readonly StepPolicy NoJitter = new()
    {
        MaxAttempts = 3,
        InitialDelay = TimeSpan.FromSeconds(5),
        BackoffMultiplier = 2,
        Jitter = 0,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static PipelineRunner Runner(
        IPipelineRunStore store,
        TimeProvider clock,
        StepPolicy? policy = null
    ) =>
        new(
            store,
            clock,
            new PipelineRunnerOptions
            {
                Policies = new Dictionary<string, StepPolicy> { ["*"] = policy ?? NoJitter },
                JitterSeed = 42,
                OwnerId = "test-owner",
            }
        );

    private static PipelineDefinition TwoSteps(PipelineStep first, PipelineStep second) =>
        new(
            "demo",
            "two steps",
            [new PipelineParameter("input", "data.csv", "the input")],
            [first, second]
        );

    [Fact]
    public async Task RunAsync_AllStepsSucceed_CompletedWithOutputsPassedOn()
    {
        var store = new InMemoryPipelineRunStore();
        var first = new CountingStep("ingest", ["input"], ["dataset"]);
        var second = new CountingStep("train", ["dataset"], ["model"]);

        var result = await Runner(store, new StepClock())
            .RunAsync(TwoSteps(first, second), new PipelineRunRequest(), CancellationToken.None);

        Assert.Equal(PipelineRunState.Completed, result.Run.State);
        Assert.All(result.Steps, s => Assert.Equal(StepRunState.Completed, s.State));
        Assert.Equal("model<-dataset<-data.csv", result.Steps[1].Outputs["model"]);
        var stored = await store.GetStepsAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(["ingest", "train"], stored.Select(s => s.Name));
        Assert.Equal("train.html", Assert.Single(stored[1].Links).Value);
        Assert.Equal("test-owner", result.Run.OwnerId);
        Assert.NotNull(result.Run.EndedAt);
    }

    [Fact]
    public async Task RunAsync_StepFailsTwiceThenSucceeds_RetriesAfterExponentialWaits()
    {
        var store = new InMemoryPipelineRunStore();
        var clock = new StepClock();
        var flaky = new CountingStep("ingest", ["input"], ["dataset"], failures: 2);
        var states = new List<StepRunState>();

        var result = await Runner(store, clock)
            .RunAsync(
                TwoSteps(flaky, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest { StepChanged = s => states.Add(s.State) },
                CancellationToken.None
            );

        Assert.Equal(PipelineRunState.Completed, result.Run.State);
        Assert.Equal(3, result.Steps[0].Attempts);
        Assert.Equal(3, flaky.Executions);
        // InitialDelay 5 s, multiplier 2, no jitter: 5 s after attempt 1, 10 s after attempt 2.
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], clock.OneShots);
        Assert.Equal(
            [
                StepRunState.Running,
                StepRunState.Retrying,
                StepRunState.Running,
                StepRunState.Retrying,
                StepRunState.Running,
                StepRunState.Completed,
                StepRunState.Running,
                StepRunState.Completed,
            ],
            states
        );
    }

    [Fact]
    public async Task RunAsync_SeededJitter_WaitsMatchThePolicyWithTheSameDraws()
    {
        var clock = new StepClock();
        var policy = NoJitter with { Jitter = 0.5, MaxAttempts = 4 };
        var flaky = new CountingStep("ingest", ["input"], ["dataset"], failures: 3);

        await Runner(new InMemoryPipelineRunStore(), clock, policy)
            .RunAsync(
                TwoSteps(flaky, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest(),
                CancellationToken.None
            );

        var draws = new Random(42);
        var expected = Enumerable
            .Range(1, 3)
            .Select(a => policy.BackoffDelay(a, draws.NextDouble()))
            .ToArray();
        // Task.Delay asks its timer for whole milliseconds.
        Assert.Equal(
            expected.Select(d => Math.Floor(d.TotalMilliseconds)),
            clock.OneShots.Select(d => d.TotalMilliseconds)
        );
        Assert.Contains(
            clock.OneShots,
            d => d != TimeSpan.FromSeconds(5) && d != TimeSpan.FromSeconds(10)
        );
    }

    [Fact]
    public async Task RunAsync_StepAlwaysFails_FailedAfterMaxAttemptsAndLaterStepsSkipped()
    {
        var store = new InMemoryPipelineRunStore();
        var broken = new CountingStep("ingest", ["input"], ["dataset"], failures: int.MaxValue);
        var later = new CountingStep("train", ["dataset"], ["model"]);

        var result = await Runner(store, new StepClock())
            .RunAsync(TwoSteps(broken, later), new PipelineRunRequest(), CancellationToken.None);

        Assert.Equal(PipelineRunState.Failed, result.Run.State);
        Assert.Equal(StepRunState.Failed, result.Steps[0].State);
        Assert.Equal(3, result.Steps[0].Attempts);
        Assert.Contains("transient failure 3", result.Steps[0].Error, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", result.Steps[0].Error, StringComparison.Ordinal);
        Assert.Equal(StepRunState.Skipped, result.Steps[1].State);
        Assert.Equal(0, later.Executions);
        Assert.Contains("step ingest failed", result.Run.Error, StringComparison.Ordinal);
        var stored = await store.GetRunAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunState.Failed, stored!.State);
    }

    [Fact]
    public async Task RunAsync_NonRetryableFailure_FailsAfterOneAttempt()
    {
        var clock = new StepClock();
        var invalid = new CountingStep(
            "ingest",
            ["input"],
            ["dataset"],
            failures: int.MaxValue,
            failWith: new PipelineStepException("no valid rows")
        );

        var result = await Runner(new InMemoryPipelineRunStore(), clock)
            .RunAsync(
                TwoSteps(invalid, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest(),
                CancellationToken.None
            );

        Assert.Equal(1, result.Steps[0].Attempts);
        Assert.Equal("no valid rows", result.Steps[0].Error);
        Assert.Empty(clock.OneShots);
    }

    [Fact]
    public async Task RunAsync_StepThrowsArgumentException_RecordedWithoutTheParameterSuffix()
    {
        var clock = new StepClock();
        var step = new CountingStep(
            "ingest",
            ["input"],
            ["dataset"],
            failures: int.MaxValue,
            failWith: new ArgumentException("The output must not be the input file.", "options")
        );

        var result = await Runner(
                new InMemoryPipelineRunStore(),
                clock,
                NoJitter with
                {
                    MaxAttempts = 1,
                }
            )
            .RunAsync(
                TwoSteps(step, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest(),
                CancellationToken.None
            );

        Assert.Equal(
            "ArgumentException: The output must not be the input file. (after 1 attempt)",
            result.Steps[0].Error
        );
    }

    [Fact]
    public void PipelineStepException_FromArgumentException_MessageWithoutTheParameterSuffix()
    {
        var cause = new ArgumentException("The output must not be the input file.", "options");

        var failure = PipelineStepException.From(cause);

        Assert.Equal("The output must not be the input file.", failure.Message);
        Assert.False(failure.Retryable);
        Assert.Same(cause, failure.InnerException);
    }

    [Fact]
    public async Task RunAsync_AttemptExceedsTimeout_TimedOutThenRetriedThenFailed()
    {
        var clock = new StepClock();
        var policy = NoJitter with { MaxAttempts = 2, Timeout = TimeSpan.FromMinutes(10) };
        var hanging = new CountingStep(
            "ingest",
            ["input"],
            ["dataset"],
            body: (_, ct) => Task.Delay(Timeout.Infinite, ct)
        );

        var result = await Runner(new InMemoryPipelineRunStore(), clock, policy)
            .RunAsync(
                TwoSteps(hanging, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest(),
                CancellationToken.None
            );

        Assert.Equal(StepRunState.Failed, result.Steps[0].State);
        Assert.Equal(2, result.Steps[0].Attempts);
        Assert.Equal("timed out after 00:10:00 (after 2 attempts)", result.Steps[0].Error);
        // Timeout timer, backoff wait, timeout timer: all on the injected clock.
        Assert.Equal(
            [TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)],
            clock.OneShots
        );
    }

    [Fact]
    public async Task RunAsync_CallerCancels_RunAndStepCancelledAndRecorded()
    {
        var store = new InMemoryPipelineRunStore();
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var blocking = new CountingStep(
            "ingest",
            ["input"],
            ["dataset"],
            body: async (_, ct) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        );
        var later = new CountingStep("train", ["dataset"], ["model"]);

        var running = Runner(store, new StepClock())
            .RunAsync(TwoSteps(blocking, later), new PipelineRunRequest(), cts.Token);
        await started.Task;
        await cts.CancelAsync();
        var result = await running;

        Assert.Equal(PipelineRunState.Cancelled, result.Run.State);
        Assert.Equal(StepRunState.Cancelled, result.Steps[0].State);
        Assert.Equal(StepRunState.Skipped, result.Steps[1].State);
        Assert.Equal(0, later.Executions);
        var stored = await store.GetRunAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunState.Cancelled, stored!.State);
    }

    [Fact]
    public async Task RunAsync_CancelRequestedThroughTheStore_WatchCancelsTheRunningStep()
    {
        var store = new InMemoryPipelineRunStore();
        var clock = new StepClock();
        var started = new TaskCompletionSource<string>();
        var blocking = new CountingStep(
            "ingest",
            ["input"],
            ["dataset"],
            body: async (context, ct) =>
            {
                started.TrySetResult(context.RunId);
                await Task.Delay(Timeout.Infinite, ct);
            }
        );

        var running = Runner(store, clock)
            .RunAsync(
                TwoSteps(blocking, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest(),
                CancellationToken.None
            );
        var runId = await started.Task;
        Assert.True(await store.RequestCancelAsync(runId, CancellationToken.None));
        clock.Tick();
        var result = await running;

        Assert.Equal(PipelineRunState.Cancelled, result.Run.State);
        Assert.StartsWith("cancelled on request", result.Run.Error, StringComparison.Ordinal);
        Assert.False(await store.RequestCancelAsync(runId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_HeartbeatTick_MovesTheStoredHeartbeat()
    {
        var store = new InMemoryPipelineRunStore();
        var clock = new StepClock();
        var started = new TaskCompletionSource<string>();
        var release = new TaskCompletionSource();
        var waiting = new CountingStep(
            "ingest",
            ["input"],
            ["dataset"],
            body: async (context, _) =>
            {
                started.TrySetResult(context.RunId);
                await release.Task;
            }
        );
        var running = Runner(store, clock)
            .RunAsync(
                TwoSteps(waiting, new CountingStep("train", ["dataset"], ["model"])),
                new PipelineRunRequest(),
                CancellationToken.None
            );
        var runId = await started.Task;
        var before = (await store.GetRunAsync(runId, CancellationToken.None))!.HeartbeatAt;

        clock.Advance(TimeSpan.FromSeconds(30));
        clock.Tick();
        var after = await WaitForAsync(
            async () => (await store.GetRunAsync(runId, CancellationToken.None))!.HeartbeatAt,
            h => h > before
        );
        release.SetResult();
        await running;

        Assert.Equal(before + TimeSpan.FromSeconds(30), after);
    }

    [Fact]
    public async Task RunAsync_SameInputsAndSettingsTwice_SecondRunIsServedFromTheCache()
    {
        var store = new InMemoryPipelineRunStore();
        var ingest = new CountingStep("ingest", ["input"], ["dataset"], cacheable: true);
        var train = new CountingStep("train", ["dataset"], ["model"]);
        var pipeline = TwoSteps(ingest, train);
        var runner = Runner(store, new StepClock());

        var first = await runner.RunAsync(
            pipeline,
            new PipelineRunRequest(),
            CancellationToken.None
        );
        var second = await runner.RunAsync(
            pipeline,
            new PipelineRunRequest(),
            CancellationToken.None
        );

        Assert.Equal(StepRunState.Completed, first.Steps[0].State);
        Assert.Equal(StepRunState.Cached, second.Steps[0].State);
        Assert.Equal(
            $"cached: inputs and settings unchanged since run {first.Run.Id}",
            second.Steps[0].Message
        );
        Assert.Equal(first.Steps[0].Outputs, second.Steps[0].Outputs);
        Assert.Equal(first.Steps[0].CacheKey, second.Steps[0].CacheKey);
        Assert.Equal(0, second.Steps[0].Attempts);
        Assert.Equal(1, ingest.Executions);
        // Not cacheable: runs every time, on the cached outputs.
        Assert.Equal(2, train.Executions);
        Assert.Equal(StepRunState.Completed, second.Steps[1].State);
    }

    [Fact]
    public async Task RunAsync_NoCache_ExecutesEvenWhenACachedResultMatches()
    {
        var ingest = new CountingStep("ingest", ["input"], ["dataset"], cacheable: true);
        var pipeline = TwoSteps(ingest, new CountingStep("train", ["dataset"], ["model"]));
        var runner = Runner(new InMemoryPipelineRunStore(), new StepClock());

        await runner.RunAsync(pipeline, new PipelineRunRequest(), CancellationToken.None);
        var forced = await runner.RunAsync(
            pipeline,
            new PipelineRunRequest { NoCache = true },
            CancellationToken.None
        );

        Assert.Equal(StepRunState.Completed, forced.Steps[0].State);
        Assert.Equal(2, ingest.Executions);
    }

    [Theory]
    [InlineData("input", "other.csv", null)]
    [InlineData(null, null, "settings-2")]
    public async Task RunAsync_InputOrSettingsChanged_CacheMiss(
        string? parameter,
        string? value,
        string? settings
    )
    {
        var ingest = new CountingStep("ingest", ["input"], ["dataset"], cacheable: true);
        var pipeline = TwoSteps(ingest, new CountingStep("train", ["dataset"], ["model"]));
        var runner = Runner(new InMemoryPipelineRunStore(), new StepClock());
        await runner.RunAsync(pipeline, new PipelineRunRequest(), CancellationToken.None);

        if (settings is not null)
        {
            ingest.Settings = settings;
        }
        var request = parameter is null
            ? new PipelineRunRequest()
            : new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string> { [parameter] = value! },
            };
        var second = await runner.RunAsync(pipeline, request, CancellationToken.None);

        Assert.Equal(StepRunState.Completed, second.Steps[0].State);
        Assert.Equal(2, ingest.Executions);
    }

    [Fact]
    public async Task RunAsync_UnknownParameter_ThrowsBeforeRecordingAnything()
    {
        var store = new InMemoryPipelineRunStore();
        var pipeline = TwoSteps(
            new CountingStep("ingest", ["input"], ["dataset"]),
            new CountingStep("train", ["dataset"], ["model"])
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Runner(store, new StepClock())
                .RunAsync(
                    pipeline,
                    new PipelineRunRequest
                    {
                        Parameters = new Dictionary<string, string> { ["rows"] = "10" },
                    },
                    CancellationToken.None
                )
        );

        Assert.Contains("no parameter 'rows'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListRunsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task RecoverAbandonedAsync_StaleHeartbeat_MarkedCrashedAndFreshOneLeft()
    {
        var store = new InMemoryPipelineRunStore();
        var clock = new StepClock();
        var now = clock.GetUtcNow();
        PipelineRunRecord Running(string id, TimeSpan age) =>
            new(
                id,
                "demo",
                new Dictionary<string, string>(),
                PipelineTrigger.Schedule,
                PipelineRunState.Running,
                "dead-owner",
                now - age,
                now - age,
                null,
                now - age,
                null,
                false
            );
        StepRunRecord Step(string runId, StepRunState state) =>
            new(
                runId,
                0,
                "ingest",
                state,
                1,
                now,
                null,
                null,
                null,
                new Dictionary<string, string>(),
                [],
                null
            );
        await store.CreateRunAsync(
            Running("stale", TimeSpan.FromMinutes(5)),
            [Step("stale", StepRunState.Running)],
            CancellationToken.None
        );
        await store.CreateRunAsync(
            Running("fresh", TimeSpan.FromSeconds(10)),
            [Step("fresh", StepRunState.Running)],
            CancellationToken.None
        );

        var marked = await Runner(store, clock).RecoverAbandonedAsync(CancellationToken.None);

        Assert.Equal(["stale"], marked);
        var stale = await store.GetRunAsync("stale", CancellationToken.None);
        Assert.Equal(PipelineRunState.Crashed, stale!.State);
        Assert.StartsWith(
            "crashed: its owner stopped heartbeating",
            stale.Error,
            StringComparison.Ordinal
        );
        Assert.Equal(now, stale.EndedAt);
        Assert.Equal(
            StepRunState.Failed,
            (await store.GetStepsAsync("stale", CancellationToken.None))[0].State
        );
        Assert.Equal(
            PipelineRunState.Running,
            (await store.GetRunAsync("fresh", CancellationToken.None))!.State
        );
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        // Bounded: the heartbeat is written on a thread-pool callback right after Tick().
        for (var i = 0; i < 500; i++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            await Task.Yield();
            await Task.Delay(1);
        }
        return await read();
    }
}
