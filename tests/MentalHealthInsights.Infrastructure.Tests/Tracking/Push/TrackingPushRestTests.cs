using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Push;
using MentalHealthInsights.Infrastructure.Artifacts.Rest;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Push;

/// <summary>Local SQLite → the fake MLflow server on loopback, end to end over REST.</summary>
public sealed class TrackingPushRestTests : IDisposable
{
    private readonly PushStores _stores = new();
    private readonly RestTestServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _stores.Dispose();
    }

    [Fact]
    public async Task PushAsync_LocalToMlflowServer_CopiesEverythingOnceAndSkipsOnSecondPush()
    {
        await _stores.SeedAsync();
        var tracking = new RestTrackingStore(_server.Client);
        var artifacts = new RestArtifactStore(_server.Client);
        var registry = new RestModelRegistry(_server.Client);
        var target = new PushEndpoint(
            tracking,
            artifacts,
            registry,
            _server.Server.Uri.AbsoluteUri
        );
        var options = new TrackingPushOptions { TempRoot = _stores.TempRoot };

        var first = await new TrackingPush(
            PushStores.Endpoint(_stores.Source),
            target,
            _stores.Clock,
            options
        ).PushAsync();
        var second = await new TrackingPush(
            PushStores.Endpoint(_stores.Source),
            target,
            _stores.Clock,
            options
        ).PushAsync();

        Assert.True(first.Succeeded, string.Join("; ", first.Failures));
        Assert.Equal(4, first.RunsCopied);
        Assert.Equal(6, first.ArtifactFiles);
        Assert.Equal(2, first.VersionsCopied);
        Assert.Equal(2, first.AliasesSet);
        Assert.True(second.Succeeded, string.Join("; ", second.Failures));
        Assert.Equal(
            (0, 4, 0, 2, 0),
            (
                second.RunsCopied,
                second.RunsSkipped,
                second.VersionsCopied,
                second.VersionsSkipped,
                second.AliasesSet
            )
        );

        var experiment = await tracking.GetExperimentByNameAsync("training");
        Assert.NotNull(experiment);
        var runs = (
            await tracking.SearchRunsAsync(
                new RunSearchQuery { ExperimentIds = [experiment.ExperimentId] }
            )
        ).Items;
        Assert.Equal(3, runs.Count);
        var parent = await PushStores.ByTagAsync(runs, _stores.ParentId);
        var xgb = await PushStores.ByTagAsync(runs, _stores.XgbId);
        Assert.Equal(parent.Info.RunId, xgb.ParentRunId);
        Assert.StartsWith("mlflow-artifacts:/", xgb.Info.ArtifactUri, StringComparison.Ordinal);
        var expected = await _stores.Source.Tracking.GetMetricHistoryAsync(
            _stores.XgbId,
            "test_roc_auc"
        );
        Assert.Equal(
            expected,
            await tracking.GetMetricHistoryAsync(xgb.Info.RunId, "test_roc_auc")
        );
        var folder = Path.Combine(_stores.TempRoot, "check");
        await artifacts.DownloadArtifactsAsync(xgb.Info.ArtifactUri, "model", folder);
        Assert.Equal(
            PushStores.ModelBytes,
            await File.ReadAllBytesAsync(Path.Combine(folder, "model", "bundle.bin"))
        );
        var challenger = await registry.GetModelVersionByAliasAsync(
            PushStores.ModelName,
            "challenger"
        );
        Assert.Equal(xgb.Info.RunId, challenger.RunId);
        Assert.Equal(xgb.Info.ArtifactUri + "/model", challenger.Source);
        var versions = await registry.SearchModelVersionsAsync(
            new ModelVersionSearchQuery { Filter = $"name = '{PushStores.ModelName}'" }
        );
        Assert.Equal(2, versions.Items.Count);
    }

    [Fact]
    public async Task PushAsync_ServerDownThenBack_FirstPushFailsClearlySecondCopiesEverything()
    {
        await _stores.SeedAsync();
        var target = new PushEndpoint(
            new RestTrackingStore(_server.Client),
            new RestArtifactStore(_server.Client),
            new RestModelRegistry(_server.Client),
            _server.Server.Uri.AbsoluteUri
        );
        var options = new TrackingPushOptions { TempRoot = _stores.TempRoot };
        // Every attempt of the first request (MaxAttempts = 5) answers 503.
        _server.Server.Fail(503, "TEMPORARILY_UNAVAILABLE", times: 5);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            new TrackingPush(
                PushStores.Endpoint(_stores.Source),
                target,
                _stores.Clock,
                options
            ).PushAsync()
        );
        var report = await new TrackingPush(
            PushStores.Endpoint(_stores.Source),
            target,
            _stores.Clock,
            options
        ).PushAsync();

        Assert.Equal(TrackingErrorCode.TemporarilyUnavailable, error.ErrorCode);
        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal((4, 0, 2), (report.RunsCopied, report.RunsSkipped, report.VersionsCopied));
    }
}
