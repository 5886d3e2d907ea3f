using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Push;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Push;

public sealed class TrackingPushTests : IDisposable
{
    private static readonly string[] PushTags =
    [
        MlflowTagKeys.ParentRunId,
        PushTagKeys.SourceRunId,
        PushTagKeys.SourceTrackingUri,
        PushTagKeys.PushState,
    ];

    private readonly PushStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task PushAsync_LocalToLocal_CopiesRunsWithHistoriesParamsTagsAndParentLinks()
    {
        await _stores.SeedAsync();

        var report = await _stores.Push().PushAsync();

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(3, report.Experiments); // Default, training, other
        Assert.Equal(2, report.ExperimentsCreated); // Default exists on every store
        Assert.Equal(4, report.RunsCopied);
        Assert.Equal(0, report.RunsSkipped);
        Assert.Equal(11, report.MetricPoints); // 2 × (3 folds + 2 test points) + 1
        Assert.Equal(242, report.Params); // 2 + 2 × 120
        var targetRuns = await _stores.TargetRunsAsync("training");
        Assert.Equal(3, targetRuns.Count);
        var targetParent = await PushStores.ByTagAsync(targetRuns, _stores.ParentId);
        foreach (var sourceId in new[] { _stores.ParentId, _stores.LrId, _stores.XgbId })
        {
            var source = await _stores.Source.Tracking.GetRunAsync(sourceId);
            var target = await PushStores.ByTagAsync(targetRuns, sourceId);
            Assert.NotEqual(sourceId, target.Info.RunId);
            Assert.Equal(source.Info.RunName, target.Info.RunName);
            Assert.Equal(source.Info.Status, target.Info.Status);
            Assert.Equal(source.Info.StartTimeMs, target.Info.StartTimeMs);
            Assert.Equal(source.Info.EndTimeMs, target.Info.EndTimeMs);
            Assert.Equal(source.Info.UserId, target.Info.UserId);
            Assert.Equal(
                source.Data.Params.OrderBy(p => p.Key),
                target.Data.Params.OrderBy(p => p.Key)
            );
            Assert.Equal(
                source.Data.Tags.Where(t => !PushTags.Contains(t.Key)).OrderBy(t => t.Key),
                target.Data.Tags.Where(t => !PushTags.Contains(t.Key)).OrderBy(t => t.Key)
            );
            Assert.Equal(PushTagKeys.Complete, target.Data.Tags[PushTagKeys.PushState]);
            Assert.Equal(
                _stores.Source.TrackingUri,
                target.Data.Tags[PushTagKeys.SourceTrackingUri]
            );
            Assert.Equal(source.Data.Metrics.Keys.Order(), target.Data.Metrics.Keys.Order());
            foreach (var key in source.Data.Metrics.Keys)
            {
                var expected = await _stores.Source.Tracking.GetMetricHistoryAsync(sourceId, key);
                var actual = await _stores.Target.Tracking.GetMetricHistoryAsync(
                    target.Info.RunId,
                    key
                );
                Assert.Equal(expected, actual); // values (NaN included), steps and timestamps
            }
            if (sourceId == _stores.ParentId)
            {
                Assert.Null(target.ParentRunId);
            }
            else
            {
                Assert.Equal(targetParent.Info.RunId, target.ParentRunId);
            }
        }
        Assert.Equal(RunStatus.Failed, targetParent.Info.Status);
        Assert.Single(await _stores.TargetRunsAsync("other"));
    }

    [Fact]
    public async Task PushAsync_LocalToLocal_ArtifactsAreByteEqual()
    {
        await _stores.SeedAsync();

        var report = await _stores.Push().PushAsync();

        Assert.Equal(6, report.ArtifactFiles);
        Assert.Equal((2 * (PushStores.ModelBytes.Length + 11)) + 500 + 11, report.ArtifactBytes);
        var targetRuns = await _stores.TargetRunsAsync("training");
        var xgb = await PushStores.ByTagAsync(targetRuns, _stores.XgbId);
        var parent = await PushStores.ByTagAsync(targetRuns, _stores.ParentId);
        var folder = Path.Combine(_stores.TempRoot, "check");
        await _stores.Target.Artifacts.DownloadArtifactsAsync(xgb.Info.ArtifactUri, null, folder);
        await _stores.Target.Artifacts.DownloadArtifactsAsync(
            parent.Info.ArtifactUri,
            "report",
            folder
        );
        Assert.Equal(
            PushStores.ModelBytes,
            await File.ReadAllBytesAsync(Path.Combine(folder, "model", "bundle.bin"))
        );
        Assert.Equal(
            "flavor: mhi",
            await File.ReadAllTextAsync(Path.Combine(folder, "model", "MLmodel"))
        );
        Assert.Equal(
            PushStores.ModelBytes[..500],
            await File.ReadAllBytesAsync(Path.Combine(folder, "report", "plots", "roc.png"))
        );
        Assert.Equal(
            "{\"auc\":0.8}",
            await File.ReadAllTextAsync(Path.Combine(folder, "report", "report.json"))
        );
    }

    [Fact]
    public async Task PushAsync_Registry_VersionsPointAtTargetRunsAndAliasesFollow()
    {
        await _stores.SeedAsync();

        var report = await _stores.Push().PushAsync();

        Assert.Equal(1, report.ModelsCreated);
        Assert.Equal(2, report.VersionsCopied);
        Assert.Equal(2, report.AliasesSet);
        var targetRuns = await _stores.TargetRunsAsync("training");
        var model = await _stores.Target.Registry.GetRegisteredModelAsync(PushStores.ModelName);
        Assert.Equal("screening model", model.Description);
        Assert.Equal("ml", model.Tags["team"]);
        foreach (
            var (sourceVersion, sourceRun, alias) in new[]
            {
                (1, _stores.LrId, "champion"),
                (2, _stores.XgbId, "challenger"),
            }
        )
        {
            var targetRun = await PushStores.ByTagAsync(targetRuns, sourceRun);
            var version = await _stores.Target.Registry.GetModelVersionByAliasAsync(
                PushStores.ModelName,
                alias
            );
            Assert.Equal(targetRun.Info.RunId, version.RunId);
            Assert.Equal(targetRun.Info.ArtifactUri + "/model", version.Source);
            Assert.Equal(
                sourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                version.Tags[PushTagKeys.SourceVersion]
            );
            var original = await _stores.Source.Registry.GetModelVersionAsync(
                PushStores.ModelName,
                sourceVersion
            );
            Assert.Equal(original.Description, version.Description);
            Assert.Equal(original.Tags["mhi.promotion"], version.Tags["mhi.promotion"]);
        }
        var history = await _stores.Target.Registry.GetAliasHistoryAsync(PushStores.ModelName);
        Assert.All(
            history,
            h => Assert.StartsWith("pushed from ", h.Reason, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task PushAsync_Twice_SecondCopiesNothingAndTargetIsUnchanged()
    {
        await _stores.SeedAsync();
        await _stores.Push().PushAsync();
        var runsBefore =
            (await _stores.TargetRunsAsync("training")).Count
            + (await _stores.TargetRunsAsync("other")).Count;
        var historyBefore = (
            await _stores.Target.Registry.GetAliasHistoryAsync(PushStores.ModelName)
        ).Count;

        var second = await _stores.Push().PushAsync();

        Assert.True(second.Succeeded);
        Assert.Equal(0, second.ExperimentsCreated);
        Assert.Equal(0, second.RunsCopied);
        Assert.Equal(4, second.RunsSkipped);
        Assert.Equal(0, second.MetricPoints + second.Params + second.Tags + second.ArtifactFiles);
        Assert.Equal(0, second.ModelsCreated + second.VersionsCopied + second.AliasesSet);
        Assert.Equal(2, second.VersionsSkipped);
        Assert.Equal(4, runsBefore);
        Assert.Equal(
            runsBefore,
            (await _stores.TargetRunsAsync("training")).Count
                + (await _stores.TargetRunsAsync("other")).Count
        );
        var versions = await _stores.Target.Registry.SearchModelVersionsAsync(
            new ModelVersionSearchQuery()
        );
        Assert.Equal(2, versions.Items.Count);
        Assert.Equal(
            historyBefore,
            (await _stores.Target.Registry.GetAliasHistoryAsync(PushStores.ModelName)).Count
        );
    }

    [Fact]
    public async Task PushAsync_ArtifactDownloadFails_RunReportedOthersCopiedAndNextPushCompletesIt()
    {
        await _stores.SeedAsync();
        var lr = await _stores.Source.Tracking.GetRunAsync(_stores.LrId);
        var broken = PushStores.Endpoint(_stores.Source) with
        {
            Artifacts = new FailingDownloadArtifactStore(
                _stores.Source.Artifacts,
                lr.Info.ArtifactUri
            ),
        };
        var options = new TrackingPushOptions { TempRoot = _stores.TempRoot };

        var first = await new TrackingPush(
            broken,
            PushStores.Endpoint(_stores.Target),
            _stores.Clock,
            options
        ).PushAsync();

        var failure = Assert.Single(first.Failures);
        Assert.Equal(("run", _stores.LrId, "lr"), (failure.Kind, failure.Id, failure.Name));
        Assert.Contains("model/", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, first.RunsFailed);
        Assert.False(first.Succeeded);
        Assert.Equal(3, first.RunsCopied);
        Assert.Equal(1, first.VersionsCopied); // xgb's; lr's version waits for its run
        Assert.Equal(1, first.VersionsLeftOut);
        var xgb = await PushStores.ByTagAsync(
            await _stores.TargetRunsAsync("training"),
            _stores.XgbId
        );
        Assert.Equal(PushTagKeys.Complete, xgb.Data.Tags[PushTagKeys.PushState]);
        Assert.Equal(
            2,
            (await _stores.Target.Artifacts.ListArtifactsAsync(xgb.Info.ArtifactUri, "model")).Count
        );

        var second = await _stores.Push().PushAsync();

        Assert.True(second.Succeeded, string.Join("; ", second.Failures));
        Assert.Equal(1, second.RunsCopied); // the half-copied lr run is completed, not duplicated
        Assert.Equal(3, second.RunsSkipped);
        Assert.Equal(1, second.VersionsCopied);
        Assert.Equal(1, second.VersionsSkipped);
        var runs = await _stores.TargetRunsAsync("training");
        Assert.Equal(3, runs.Count);
        var targetLr = await PushStores.ByTagAsync(runs, _stores.LrId);
        Assert.Equal(PushTagKeys.Complete, targetLr.Data.Tags[PushTagKeys.PushState]);
        Assert.Equal(RunStatus.Finished, targetLr.Info.Status);
        Assert.Equal(
            5,
            (
                await _stores.Target.Tracking.GetMetricHistoryAsync(
                    targetLr.Info.RunId,
                    "cv_fold_roc_auc"
                )
            ).Count
                + (
                    await _stores.Target.Tracking.GetMetricHistoryAsync(
                        targetLr.Info.RunId,
                        "test_roc_auc"
                    )
                ).Count
        );
        var champion = await _stores.Target.Registry.GetModelVersionByAliasAsync(
            PushStores.ModelName,
            "champion"
        );
        Assert.Equal(targetLr.Info.RunId, champion.RunId);
    }

    [Fact]
    public async Task PushAsync_DryRun_CountsButWritesNothing()
    {
        await _stores.SeedAsync();

        var report = await _stores.Push(new TrackingPushOptions { DryRun = true }).PushAsync();

        Assert.True(report.DryRun);
        Assert.Equal(2, report.ExperimentsCreated);
        Assert.Equal(4, report.RunsCopied);
        Assert.Equal(11, report.MetricPoints);
        Assert.Equal(6, report.ArtifactFiles);
        Assert.Equal(1, report.ModelsCreated);
        Assert.Equal(2, report.VersionsCopied);
        Assert.Equal(2, report.AliasesSet);
        Assert.Null(await _stores.Target.Tracking.GetExperimentByNameAsync("training"));
        Assert.Null(await _stores.Target.Tracking.GetExperimentByNameAsync("other"));
        Assert.Empty(
            (
                await _stores.Target.Registry.SearchRegisteredModelsAsync(
                    new RegisteredModelSearchQuery()
                )
            ).Items
        );
        var defaultRuns = await _stores.Target.Tracking.SearchRunsAsync(
            new RunSearchQuery { ExperimentIds = ["0"], ViewType = ViewType.All }
        );
        Assert.Empty(defaultRuns.Items);
    }

    [Fact]
    public async Task PushAsync_ExperimentFilter_PushesOnlyThatExperiment()
    {
        await _stores.SeedAsync();

        var report = await _stores
            .Push(new TrackingPushOptions { Experiments = ["other"] })
            .PushAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(1, report.RunsCopied);
        Assert.Equal(2, report.VersionsLeftOut); // their runs are in "training"
        Assert.Equal(0, report.ModelsCreated);
        Assert.Single(await _stores.TargetRunsAsync("other"));
        Assert.Null(await _stores.Target.Tracking.GetExperimentByNameAsync("training"));
    }

    [Fact]
    public async Task PushAsync_ChildStartedBeforeItsParent_ParentIsStillPushedFirst()
    {
        Directory.CreateDirectory(_stores.TempRoot);
        var source = _stores.Source.Tracking;
        var experimentId = await source.CreateExperimentAsync("odd-clock");
        var parent = await source.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                RunName = "parent",
                StartTimeMs = 2_000,
            }
        );
        // Created first and started earlier: a start-time order alone would push it first.
        var grandchild = await source.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                RunName = "grandchild",
                StartTimeMs = 500,
            }
        );
        var child = await source.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                RunName = "child",
                StartTimeMs = 1_000,
                Tags = [new RunTag(MlflowTagKeys.ParentRunId, parent.Info.RunId)],
            }
        );
        await source.SetTagAsync(
            grandchild.Info.RunId,
            MlflowTagKeys.ParentRunId,
            child.Info.RunId
        );

        var report = await _stores
            .Push(new TrackingPushOptions { Experiments = ["odd-clock"] })
            .PushAsync();

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        var runs = await _stores.TargetRunsAsync("odd-clock");
        var targetParent = await PushStores.ByTagAsync(runs, parent.Info.RunId);
        var targetChild = await PushStores.ByTagAsync(runs, child.Info.RunId);
        var targetGrandchild = await PushStores.ByTagAsync(runs, grandchild.Info.RunId);
        Assert.Equal(targetParent.Info.RunId, targetChild.ParentRunId);
        Assert.Equal(targetChild.Info.RunId, targetGrandchild.ParentRunId);
        Assert.Equal(500, targetGrandchild.Info.StartTimeMs);
    }

    [Fact]
    public async Task PushAsync_UnknownExperimentName_ThrowsResourceDoesNotExist()
    {
        await _stores.SeedAsync();

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            _stores.Push(new TrackingPushOptions { Experiments = ["nope"] }).PushAsync()
        );

        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, error.ErrorCode);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }
}
