using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

// Run lifecycle, tags and nested runs.
public abstract partial class TrackingStoreContractTests
{
    [Fact]
    public async Task CreateRun_WithName_IsRunningWithHexIdTagAndArtifactUri()
    {
        var experimentId = await NewExperimentAsync();

        var run = await Store.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                RunName = "baseline",
                UserId = "alice",
                StartTimeMs = T0,
                Tags = [new RunTag("stage", "cv")],
            }
        );

        Assert.True(RunIds.IsWellFormed(run.Info.RunId), run.Info.RunId);
        Assert.Equal(experimentId, run.Info.ExperimentId);
        Assert.Equal("baseline", run.Info.RunName);
        Assert.Equal("alice", run.Info.UserId);
        Assert.Equal(RunStatus.Running, run.Info.Status);
        Assert.Equal(T0, run.Info.StartTimeMs);
        Assert.Null(run.Info.EndTimeMs);
        Assert.Equal(LifecycleStage.Active, run.Info.LifecycleStage);
        Assert.EndsWith(
            $"/{run.Info.RunId}/artifacts",
            run.Info.ArtifactUri,
            StringComparison.Ordinal
        );
        Assert.Equal("baseline", run.Data.Tags[MlflowTagKeys.RunName]);
        Assert.Equal("cv", run.Data.Tags["stage"]);
        Assert.Null(run.ParentRunId);
    }

    [Fact]
    public async Task CreateRun_NoName_GeneratesOneAndTagsIt()
    {
        var run = await NewRunAsync();

        Assert.False(string.IsNullOrWhiteSpace(run.Info.RunName));
        Assert.Equal(run.Info.RunName, run.Data.Tags[MlflowTagKeys.RunName]);
    }

    [Fact]
    public async Task CreateRun_UnknownExperiment_ResourceDoesNotExist() =>
        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Store.CreateRunAsync(new NewRun { ExperimentId = "987654321", StartTimeMs = T0 })
        );

    [Fact]
    public async Task GetRun_UnknownId_ResourceDoesNotExist() =>
        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Store.GetRunAsync(RunIds.NewRunId())
        );

    [Fact]
    public async Task GetRun_AfterCreate_ReturnsSameInfo()
    {
        var created = await NewRunAsync(runName: "reread");

        var read = await Store.GetRunAsync(created.Info.RunId);

        Assert.Equal(created.Info, read.Info);
    }

    [Fact]
    public async Task UpdateRun_Finished_SetsStatusAndEndTime()
    {
        var run = await NewRunAsync();

        var info = await Store.UpdateRunAsync(run.Info.RunId, RunStatus.Finished, T0 + 5000);
        var read = await Store.GetRunAsync(run.Info.RunId);

        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal(T0 + 5000, info.EndTimeMs);
        Assert.Equal(RunStatus.Finished, read.Info.Status);
        Assert.Equal(T0 + 5000, read.Info.EndTimeMs);
    }

    [Fact]
    public async Task UpdateRun_NewName_RenamesRunAndTag()
    {
        var run = await NewRunAsync(runName: "before");

        await Store.UpdateRunAsync(run.Info.RunId, runName: "after");
        var read = await Store.GetRunAsync(run.Info.RunId);

        Assert.Equal("after", read.Info.RunName);
        Assert.Equal("after", read.Data.Tags[MlflowTagKeys.RunName]);
        Assert.Equal(RunStatus.Running, read.Info.Status);
    }

    [Fact]
    public async Task DeleteRun_ThenGet_IsDeletedAndRejectsWrites()
    {
        var run = await NewRunAsync();

        await Store.DeleteRunAsync(run.Info.RunId);
        var read = await Store.GetRunAsync(run.Info.RunId);

        Assert.Equal(LifecycleStage.Deleted, read.Info.LifecycleStage);
        await AssertErrorAsync(
            TrackingErrorCode.InvalidParameterValue,
            () => Store.LogBatchAsync(run.Info.RunId, [new Metric("m", 1, T0)])
        );
    }

    [Fact]
    public async Task RestoreRun_AfterDelete_AcceptsWritesAgain()
    {
        var run = await NewRunAsync();
        await Store.DeleteRunAsync(run.Info.RunId);

        await Store.RestoreRunAsync(run.Info.RunId);
        await Store.LogBatchAsync(run.Info.RunId, [new Metric("m", 1, T0)]);

        var read = await Store.GetRunAsync(run.Info.RunId);
        Assert.Equal(LifecycleStage.Active, read.Info.LifecycleStage);
        Assert.Equal(1, read.Data.Metrics["m"].Value);
    }

    [Fact]
    public async Task DeleteRun_SearchByViewType_HiddenFromActiveShownInDeleted()
    {
        var experimentId = await NewExperimentAsync();
        var kept = await NewRunAsync(experimentId);
        var deleted = await NewRunAsync(experimentId);
        await Store.DeleteRunAsync(deleted.Info.RunId);

        var active = await Store.SearchRunsAsync(
            new RunSearchQuery { ExperimentIds = [experimentId] }
        );
        var onlyDeleted = await Store.SearchRunsAsync(
            new RunSearchQuery { ExperimentIds = [experimentId], ViewType = ViewType.DeletedOnly }
        );
        var all = await Store.SearchRunsAsync(
            new RunSearchQuery { ExperimentIds = [experimentId], ViewType = ViewType.All }
        );

        Assert.Equal([kept.Info.RunId], active.Items.Select(r => r.Info.RunId));
        Assert.Equal([deleted.Info.RunId], onlyDeleted.Items.Select(r => r.Info.RunId));
        Assert.Equal(2, all.Items.Count);
    }

    [Fact]
    public async Task SetTag_OnFinishedRun_IsStoredAndOverwritable()
    {
        var run = await NewRunAsync();
        await Store.UpdateRunAsync(run.Info.RunId, RunStatus.Finished, T0 + 1);

        await Store.SetTagAsync(run.Info.RunId, "promotable", "false");
        await Store.SetTagAsync(run.Info.RunId, "promotable", "true");

        Assert.Equal("true", (await Store.GetRunAsync(run.Info.RunId)).Data.Tags["promotable"]);
    }

    [Fact]
    public async Task DeleteTag_Existing_RemovesIt()
    {
        var run = await NewRunAsync();
        await Store.SetTagAsync(run.Info.RunId, "temp", "1");

        await Store.DeleteTagAsync(run.Info.RunId, "temp");

        Assert.False((await Store.GetRunAsync(run.Info.RunId)).Data.Tags.ContainsKey("temp"));
    }

    [Fact]
    public async Task DeleteTag_Missing_ResourceDoesNotExist()
    {
        var run = await NewRunAsync();

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => Store.DeleteTagAsync(run.Info.RunId, "never-set")
        );
    }

    [Fact]
    public async Task StartRun_WithParent_ChildCarriesParentTagAndSystemTags()
    {
        var service = NewService();
        var experimentId = await NewExperimentAsync();
        var parent = await service.StartRunAsync(experimentId, "train");

        var child = await service.StartRunAsync(experimentId, "xgboost", parent.Info.RunId);

        Assert.Equal(parent.Info.RunId, child.ParentRunId);
        Assert.Equal(parent.Info.RunId, child.Data.Tags[MlflowTagKeys.ParentRunId]);
        Assert.Equal("tester", child.Data.Tags[MlflowTagKeys.User]);
        Assert.Equal("LOCAL", child.Data.Tags[MlflowTagKeys.SourceType]);
        Assert.Equal("xgboost", child.Data.Tags[MlflowTagKeys.RunName]);
        Assert.Null(parent.ParentRunId);
    }

    [Fact]
    public async Task GetChildRuns_TwoChildrenAndAStranger_ReturnsTheChildrenOldestFirst()
    {
        var service = NewService();
        var experimentId = await NewExperimentAsync();
        var parent = await service.StartRunAsync(experimentId, "train");
        var first = await Store.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                StartTimeMs = T0 + 1,
                Tags = [new RunTag(MlflowTagKeys.ParentRunId, parent.Info.RunId)],
            }
        );
        var second = await Store.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                StartTimeMs = T0 + 2,
                Tags = [new RunTag(MlflowTagKeys.ParentRunId, parent.Info.RunId)],
            }
        );
        await NewRunAsync(experimentId);

        var children = await service.GetChildRunsAsync(parent.Info.RunId);

        Assert.Equal([first.Info.RunId, second.Info.RunId], children.Select(r => r.Info.RunId));
    }

    [Fact]
    public async Task StartRun_UnknownParent_ResourceDoesNotExist()
    {
        var experimentId = await NewExperimentAsync();

        await AssertErrorAsync(
            TrackingErrorCode.ResourceDoesNotExist,
            () => NewService().StartRunAsync(experimentId, parentRunId: RunIds.NewRunId())
        );
    }

    [Fact]
    public async Task EndRun_Failed_RecordsStatusAndEndTime()
    {
        var service = NewService();
        var run = await service.StartRunAsync(await NewExperimentAsync());

        var info = await service.EndRunAsync(run.Info.RunId, RunStatus.Failed);

        Assert.Equal(RunStatus.Failed, info.Status);
        Assert.NotNull(info.EndTimeMs);
        Assert.True(info.EndTimeMs >= run.Info.StartTimeMs);
    }
}
