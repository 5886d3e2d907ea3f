using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

public sealed class TrackingServiceTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly RecordingTrackingStore _store = new();
    private readonly ManualTimeProvider _clock = new(Start);

    private TrackingService Service(TrackingServiceOptions? options = null) =>
        new(_store, _clock, options);

    [Fact]
    public async Task StartRun_Configured_SendsSystemTagsUserAndClockTime()
    {
        var service = Service(
            new TrackingServiceOptions
            {
                UserName = "alice",
                SourceName = "mhi train",
                GitCommit = "abc123",
            }
        );

        await service.StartRunAsync(
            "1",
            "train",
            tags: new Dictionary<string, string> { ["k"] = "v" }
        );

        var created = Assert.Single(_store.CreatedRuns);
        var tags = created.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("alice", created.UserId);
        Assert.Equal("train", created.RunName);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), created.StartTimeMs);
        Assert.Equal("alice", tags[MlflowTagKeys.User]);
        Assert.Equal("mhi train", tags[MlflowTagKeys.SourceName]);
        Assert.Equal("LOCAL", tags[MlflowTagKeys.SourceType]);
        Assert.Equal("abc123", tags[MlflowTagKeys.GitCommit]);
        Assert.Equal("v", tags["k"]);
        Assert.False(tags.ContainsKey(MlflowTagKeys.ParentRunId));
    }

    [Fact]
    public async Task StartRun_DefaultOptions_NoUserOrSourceNameTags()
    {
        await Service().StartRunAsync("1");

        var keys = Assert.Single(_store.CreatedRuns).Tags.Select(t => t.Key);
        Assert.DoesNotContain(MlflowTagKeys.User, keys);
        Assert.DoesNotContain(MlflowTagKeys.SourceName, keys);
    }

    [Fact]
    public async Task StartRun_WithParent_ParentTagWinsOverCallerTag()
    {
        var service = Service();
        var parent = await service.StartRunAsync("1");

        var child = await service.StartRunAsync(
            "1",
            parentRunId: parent.Info.RunId,
            tags: new Dictionary<string, string> { [MlflowTagKeys.ParentRunId] = "spoofed" }
        );

        Assert.Equal(parent.Info.RunId, child.ParentRunId);
    }

    [Fact]
    public async Task EndRun_Default_FinishedAtClockTime()
    {
        var service = Service();
        var run = await service.StartRunAsync("1");
        _clock.Advance(TimeSpan.FromSeconds(90));

        await service.EndRunAsync(run.Info.RunId);

        Assert.Equal(
            (
                run.Info.RunId,
                (RunStatus?)RunStatus.Finished,
                (long?)Start.AddSeconds(90).ToUnixTimeMilliseconds()
            ),
            Assert.Single(_store.Updates)
        );
    }

    [Fact]
    public async Task LogMetric_OneValue_OneBatchTimestampedByTheClock()
    {
        await Service().LogMetricAsync("r", "auc", 0.75, step: 3);

        var batch = Assert.Single(_store.Batches);
        Assert.Equal([new Metric("auc", 0.75, Start.ToUnixTimeMilliseconds(), 3)], batch.Metrics);
        Assert.Empty(batch.Params);
        Assert.Empty(batch.Tags);
    }

    [Fact]
    public async Task LogMetrics_Dictionary_SameStepAndTimestamp()
    {
        await Service()
            .LogMetricsAsync("r", new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 }, step: 4);

        var metrics = Assert.Single(_store.Batches).Metrics;
        Assert.Equal(2, metrics.Count);
        Assert.All(metrics, m => Assert.Equal(4, m.Step));
        Assert.All(metrics, m => Assert.Equal(Start.ToUnixTimeMilliseconds(), m.TimestampMs));
    }

    [Fact]
    public async Task LogParams_250_ThreeCallsWithinTheLimit()
    {
        var parameters = Enumerable.Range(0, 250).ToDictionary(i => $"p{i}", i => "v");

        await Service().LogParamsAsync("r", parameters);

        Assert.Equal([100, 100, 50], _store.Batches.Select(b => b.Params.Count));
        Assert.Equal(
            parameters.Keys.Order(),
            _store.Batches.SelectMany(b => b.Params).Select(p => p.Key).Order()
        );
    }

    [Fact]
    public async Task SetTags_101_TwoCalls()
    {
        await Service()
            .SetTagsAsync("r", Enumerable.Range(0, 101).ToDictionary(i => $"t{i}", i => "v"));

        Assert.Equal([100, 1], _store.Batches.Select(b => b.Tags.Count));
    }

    [Fact]
    public async Task LogParam_And_SetTag_OneBatchEach()
    {
        var service = Service();

        await service.LogParamAsync("r", "seed", "42");
        await service.SetTagAsync("r", "promotable", "true");

        Assert.Equal([new Param("seed", "42")], _store.Batches[0].Params);
        Assert.Equal([new RunTag("promotable", "true")], _store.Batches[1].Tags);
    }

    [Fact]
    public async Task GetOrCreateExperiment_Missing_CreatesIt()
    {
        var id = await Service().GetOrCreateExperimentAsync("new");

        Assert.Equal("new", (await _store.GetExperimentAsync(id)).Name);
    }

    [Fact]
    public async Task GetOrCreateExperiment_LosesTheCreateRace_ReturnsTheWinnersId()
    {
        _store.LoseNextCreateRace = true;

        var id = await Service().GetOrCreateExperimentAsync("contested");

        Assert.Equal("contested", (await _store.GetExperimentAsync(id)).Name);
    }

    [Fact]
    public async Task GetOrCreateExperiment_Deleted_InvalidParameterValue()
    {
        var service = Service();
        var id = await service.GetOrCreateExperimentAsync("gone");
        _store.MarkDeleted(id);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            service.GetOrCreateExperimentAsync("gone")
        );

        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task GetChildRuns_TwoPages_FollowsTokenAndFiltersOnTheParentTag()
    {
        var service = Service();
        var parent = await service.StartRunAsync("1");
        var first = await service.StartRunAsync("1", parentRunId: parent.Info.RunId);
        var second = await service.StartRunAsync("1", parentRunId: parent.Info.RunId);

        var children = await service.GetChildRunsAsync(parent.Info.RunId);

        Assert.Equal([first.Info.RunId, second.Info.RunId], children.Select(c => c.Info.RunId));
        Assert.Equal(2, _store.Searches.Count);
        Assert.Equal(
            $"tags.`mlflow.parentRunId` = '{parent.Info.RunId}'",
            _store.Searches[0].Filter
        );
    }

    [Fact]
    public async Task LogArtifact_NoArtifactStore_InvalidOperation()
    {
        var service = Service();
        var run = await service.StartRunAsync("1");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            service.LogArtifactAsync(run.Info.RunId, "/tmp/x")
        );
    }
}
