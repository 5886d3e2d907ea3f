using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines;

/// <summary>
/// What every <see cref="IPipelineRunStore"/> adapter must do; run against the in-memory,
/// SQLite and PostgreSQL stores by the subclasses.
/// </summary>
public abstract class PipelineRunStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

    /// <summary>A fresh, initialised, empty store.</summary>
    protected abstract Task<IPipelineRunStore> CreateStoreAsync();

    private static PipelineRunRecord Run(
        string id,
        DateTimeOffset created,
        PipelineRunState state = PipelineRunState.Running
    ) =>
        new(
            id,
            "training",
            new Dictionary<string, string> { ["rows"] = "800", ["input"] = "/d/ü ç.csv" },
            PipelineTrigger.Schedule,
            state,
            "host/42/abcd",
            created,
            created.AddTicks(3),
            null,
            created,
            null,
            false
        );

    private static StepRunRecord Step(
        string runId,
        int index,
        StepRunState state = StepRunState.Pending
    ) =>
        new(
            runId,
            index,
            "step" + index,
            state,
            0,
            null,
            null,
            null,
            null,
            new Dictionary<string, string>(),
            [],
            null
        );

    [Fact]
    public async Task CreateRunAsync_ThenGet_RoundTripsEveryField()
    {
        var store = await CreateStoreAsync();
        var run = Run("r1", T0.AddTicks(7));

        await store.CreateRunAsync(run, [Step("r1", 0), Step("r1", 1)], CancellationToken.None);
        var read = await store.GetRunAsync("r1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(run.Parameters, read.Parameters);
        Assert.Equal(run with { Parameters = read.Parameters }, read);
        Assert.Null(await store.GetRunAsync("missing", CancellationToken.None));
        Assert.Equal(
            ["step0", "step1"],
            (await store.GetStepsAsync("r1", CancellationToken.None)).Select(s => s.Name)
        );
    }

    [Fact]
    public async Task SaveStepAsync_Twice_UpdatesInPlaceWithOutputsAndLinks()
    {
        var store = await CreateStoreAsync();
        await store.CreateRunAsync(
            Run("r1", T0),
            [Step("r1", 0), Step("r1", 1)],
            CancellationToken.None
        );
        var done = Step("r1", 1) with
        {
            State = StepRunState.Completed,
            Attempts = 2,
            StartedAt = T0.AddSeconds(1),
            EndedAt = T0.AddSeconds(2),
            Error = "attempt 1: IOException",
            CacheKey = "abc",
            Outputs = new Dictionary<string, string> { ["dataset"] = "/x.csv", ["sha256"] = "ff" },
            Links =
            [
                new PipelineLink("report", "/eda.html"),
                new PipelineLink("tracking-run", "r9"),
            ],
            Message = "done",
        };

        await store.SaveStepAsync(
            done with
            {
                State = StepRunState.Running,
            },
            CancellationToken.None
        );
        await store.SaveStepAsync(done, CancellationToken.None);
        var steps = await store.GetStepsAsync("r1", CancellationToken.None);

        Assert.Equal(2, steps.Count);
        var read = steps[1];
        Assert.Equal(done.Outputs, read.Outputs);
        Assert.Equal(done.Links, read.Links);
        Assert.Equal(done with { Outputs = read.Outputs, Links = read.Links }, read);
        Assert.Equal(StepRunState.Pending, steps[0].State);
    }

    [Fact]
    public async Task RequestCancelAsync_UnfinishedRun_FlagSetAndKeptByUpdates()
    {
        var store = await CreateStoreAsync();
        var run = Run("r1", T0);
        await store.CreateRunAsync(run, [Step("r1", 0)], CancellationToken.None);

        Assert.False(await store.IsCancelRequestedAsync("r1", CancellationToken.None));
        Assert.True(await store.RequestCancelAsync("r1", CancellationToken.None));
        // The owner's own update carries CancelRequested = false: it must not clear the request.
        await store.UpdateRunAsync(
            run with
            {
                HeartbeatAt = T0.AddSeconds(5),
            },
            CancellationToken.None
        );

        Assert.True(await store.IsCancelRequestedAsync("r1", CancellationToken.None));
        Assert.True((await store.GetRunAsync("r1", CancellationToken.None))!.CancelRequested);
        Assert.False(await store.RequestCancelAsync("missing", CancellationToken.None));
        Assert.False(await store.IsCancelRequestedAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task RequestCancelAsync_FinishedRun_Refused()
    {
        var store = await CreateStoreAsync();
        await store.CreateRunAsync(
            Run("r1", T0, PipelineRunState.Completed),
            [],
            CancellationToken.None
        );

        Assert.False(await store.RequestCancelAsync("r1", CancellationToken.None));
    }

    [Fact]
    public async Task HeartbeatAsync_OnlyMovesUnfinishedRuns()
    {
        var store = await CreateStoreAsync();
        await store.CreateRunAsync(Run("live", T0), [], CancellationToken.None);
        await store.CreateRunAsync(
            Run("done", T0, PipelineRunState.Failed),
            [],
            CancellationToken.None
        );

        await store.HeartbeatAsync("live", T0.AddMinutes(1), CancellationToken.None);
        await store.HeartbeatAsync("done", T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(
            T0.AddMinutes(1),
            (await store.GetRunAsync("live", CancellationToken.None))!.HeartbeatAt
        );
        Assert.Equal(T0, (await store.GetRunAsync("done", CancellationToken.None))!.HeartbeatAt);
    }

    [Fact]
    public async Task MarkAbandonedAsync_StaleUnfinishedRuns_CrashedOnceWithTheirOpenSteps()
    {
        var store = await CreateStoreAsync();
        await store.CreateRunAsync(
            Run("stale", T0),
            [
                Step("stale", 0, StepRunState.Completed),
                Step("stale", 1, StepRunState.Running),
                Step("stale", 2),
            ],
            CancellationToken.None
        );
        await store.CreateRunAsync(
            Run("fresh", T0),
            [Step("fresh", 0, StepRunState.Running)],
            CancellationToken.None
        );
        await store.CreateRunAsync(
            Run("old-done", T0, PipelineRunState.Completed),
            [],
            CancellationToken.None
        );
        await store.HeartbeatAsync("fresh", T0.AddMinutes(10), CancellationToken.None);
        var now = T0.AddMinutes(11);

        var marked = await store.MarkAbandonedAsync(
            T0.AddMinutes(5),
            now,
            "owner died",
            CancellationToken.None
        );
        var again = await store.MarkAbandonedAsync(
            T0.AddMinutes(5),
            now,
            "owner died",
            CancellationToken.None
        );

        Assert.Equal(["stale"], marked);
        Assert.Empty(again);
        var stale = await store.GetRunAsync("stale", CancellationToken.None);
        Assert.Equal(PipelineRunState.Crashed, stale!.State);
        Assert.Equal("owner died", stale.Error);
        Assert.Equal(now, stale.EndedAt);
        Assert.Equal(
            [StepRunState.Completed, StepRunState.Failed, StepRunState.Failed],
            (await store.GetStepsAsync("stale", CancellationToken.None)).Select(s => s.State)
        );
        Assert.Equal(
            PipelineRunState.Running,
            (await store.GetRunAsync("fresh", CancellationToken.None))!.State
        );
        Assert.Equal(
            PipelineRunState.Completed,
            (await store.GetRunAsync("old-done", CancellationToken.None))!.State
        );
    }

    [Fact]
    public async Task MarkCrashedAsync_UnfinishedRun_CrashedOnceWithItsOpenStepsOthersUntouched()
    {
        var store = await CreateStoreAsync();
        await store.CreateRunAsync(
            Run("taken", T0),
            [
                Step("taken", 0, StepRunState.Completed),
                Step("taken", 1, StepRunState.Running),
                Step("taken", 2),
            ],
            CancellationToken.None
        );
        await store.CreateRunAsync(
            Run("other", T0),
            [Step("other", 0, StepRunState.Running)],
            CancellationToken.None
        );
        await store.CreateRunAsync(
            Run("done", T0, PipelineRunState.Completed),
            [Step("done", 0, StepRunState.Completed)],
            CancellationToken.None
        );
        var now = T0.AddMinutes(2);

        var first = await store.MarkCrashedAsync("taken", now, "recovered", CancellationToken.None);
        var second = await store.MarkCrashedAsync(
            "taken",
            now.AddMinutes(1),
            "again",
            CancellationToken.None
        );
        var finished = await store.MarkCrashedAsync("done", now, "x", CancellationToken.None);
        var unknown = await store.MarkCrashedAsync("nope", now, "x", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.False(finished);
        Assert.False(unknown);
        var taken = await store.GetRunAsync("taken", CancellationToken.None);
        Assert.Equal(PipelineRunState.Crashed, taken!.State);
        Assert.Equal("recovered", taken.Error);
        Assert.Equal(now, taken.EndedAt);
        var steps = await store.GetStepsAsync("taken", CancellationToken.None);
        Assert.Equal(
            [StepRunState.Completed, StepRunState.Failed, StepRunState.Failed],
            steps.Select(s => s.State)
        );
        Assert.Equal([null, "recovered", "recovered"], steps.Select(s => s.Error));
        Assert.Equal(
            PipelineRunState.Running,
            (await store.GetRunAsync("other", CancellationToken.None))!.State
        );
        Assert.Equal(
            StepRunState.Running,
            (await store.GetStepsAsync("other", CancellationToken.None))[0].State
        );
        Assert.Equal(
            PipelineRunState.Completed,
            (await store.GetRunAsync("done", CancellationToken.None))!.State
        );
    }

    [Fact]
    public async Task ListRunsAsync_NewestFirstAndLimited()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.CreateRunAsync(Run("r" + i, T0.AddMinutes(i)), [], CancellationToken.None);
        }

        var runs = await store.ListRunsAsync(3, CancellationToken.None);

        Assert.Equal(["r4", "r3", "r2"], runs.Select(r => r.Id));
    }

    [Fact]
    public async Task PutCachedAsync_ThenGet_RoundTripsAndReplaces()
    {
        var store = await CreateStoreAsync();
        var first = new CachedStepResult(
            "key",
            "ingest",
            "r1",
            T0,
            new Dictionary<string, string> { ["dataset"] = "/a.csv" },
            [new PipelineLink("report", "/a.html")]
        );

        Assert.Null(await store.GetCachedAsync("key", CancellationToken.None));
        await store.PutCachedAsync(first, CancellationToken.None);
        var read = await store.GetCachedAsync("key", CancellationToken.None);
        await store.PutCachedAsync(first with { RunId = "r2" }, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(first.Outputs, read.Outputs);
        Assert.Equal(first.Links, read.Links);
        Assert.Equal(first with { Outputs = read.Outputs, Links = read.Links }, read);
        Assert.Equal("r2", (await store.GetCachedAsync("key", CancellationToken.None))!.RunId);
    }

    [Fact]
    public async Task Runner_OnTheStore_RecordsACompleteRunAndServesTheCacheToANewRunner()
    {
        var store = await CreateStoreAsync();
        var pipeline = new PipelineDefinition(
            "demo",
            "",
            [new PipelineParameter("input", "x", "")],
            [
                new EchoStep("ingest", "input", "dataset", cacheable: true),
                new EchoStep("train", "dataset", "model", cacheable: false),
            ]
        );
        PipelineRunner NewRunner() =>
            new(store, TimeProvider.System, new PipelineRunnerOptions { JitterSeed = 1 });

        var first = await NewRunner()
            .RunAsync(pipeline, new PipelineRunRequest(), CancellationToken.None);
        var second = await NewRunner()
            .RunAsync(
                pipeline,
                new PipelineRunRequest { Trigger = PipelineTrigger.Alert },
                CancellationToken.None
            );

        var stored = await store.GetRunAsync(second.Run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunState.Completed, stored!.State);
        Assert.Equal(PipelineTrigger.Alert, stored.Trigger);
        var steps = await store.GetStepsAsync(second.Run.Id, CancellationToken.None);
        Assert.Equal([StepRunState.Cached, StepRunState.Completed], steps.Select(s => s.State));
        Assert.Equal("x!!", steps[1].Outputs["model"]);
        Assert.Equal(first.Steps[0].CacheKey, steps[0].CacheKey);
    }

    [Fact]
    public async Task Runner_TokenCancelledBeforeTheCall_RunStillRecordedCancelled()
    {
        // A stopping worker that takes a queued run: the run must show, not vanish.
        var store = await CreateStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var pipeline = new PipelineDefinition(
            "demo",
            "",
            [new PipelineParameter("input", "x", "")],
            [new EchoStep("ingest", "input", "dataset", cacheable: false)]
        );

        var result = await new PipelineRunner(
            store,
            TimeProvider.System,
            new PipelineRunnerOptions { JitterSeed = 1 }
        ).RunAsync(pipeline, new PipelineRunRequest(), cancelled.Token);

        var stored = await store.GetRunAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunState.Cancelled, stored!.State);
        Assert.NotNull(stored.EndedAt);
        var steps = await store.GetStepsAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal([StepRunState.Cancelled], steps.Select(s => s.State));
        Assert.Empty(steps[0].Outputs);
    }

    private sealed class EchoStep(string name, string input, string output, bool cacheable)
        : PipelineStep
    {
        public override string Name => name;

        public override IReadOnlyList<string> Inputs => [input];

        public override IReadOnlyList<string> Outputs => [output];

        public override ValueTask<string?> FingerprintAsync(
            PipelineStepContext context,
            CancellationToken cancellationToken
        ) => ValueTask.FromResult(cacheable ? "v" : null);

        public override Task<StepOutcome> ExecuteAsync(
            PipelineStepContext context,
            CancellationToken cancellationToken
        ) =>
            Task.FromResult(
                new StepOutcome(
                    new Dictionary<string, string> { [output] = context.Input(input) + "!" },
                    [],
                    null
                )
            );
    }
}
