using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.S3;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tests.Storage;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Artifacts.S3;

/// <summary>What the S3 store and its selection add beyond the shared contract.</summary>
[Collection(S3rverGroup.Name)]
public sealed class S3ArtifactStoreTests(S3rverFixture server) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task LogArtifact_LargerThanPartSize_MultipartRoundTrip()
    {
        var root =
            $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("big")}/1/run/artifacts";
        var content = new byte[(6 * 1024 * 1024) + 3];
        new Random(21).NextBytes(content);
        var file = _directory.Combine("model.bin");
        await File.WriteAllBytesAsync(file, content);
        var store = new S3ArtifactStore(server.Connection);

        await store.LogArtifactAsync(root, file, "model");
        var downloaded = await store.DownloadArtifactsAsync(
            root,
            "model",
            _directory.Combine("out")
        );

        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(downloaded, "model.bin")));
    }

    [Theory]
    [InlineData("file:///tmp/x")]
    [InlineData("s3://A_B/x")]
    public async Task ListArtifacts_NotAnS3Uri_InvalidParameterValue(string uri)
    {
        var store = new S3ArtifactStore(server.Connection);

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            store.ListArtifactsAsync(uri)
        );

        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task Create_S3ArtifactUri_NewRunsLogToS3AndReadBack()
    {
        var prefix = $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("factory")}";
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                WorkingDirectory = _directory.Path,
                ArtifactUri = prefix + "/",
                S3 = server.Connection,
            },
            new ManualTimeProvider()
        );
        var report = _directory.Combine("report.txt");
        await File.WriteAllTextAsync(report, "screening aid");

        var experimentId = await backend.Tracking.CreateExperimentAsync("cloud");
        var run = await backend.Tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        await backend.Artifacts.LogArtifactAsync(run.Info.ArtifactUri, report, "reports");

        Assert.Equal(prefix, backend.ArtifactRoot);
        Assert.Equal($"{prefix}/{experimentId}/{run.Info.RunId}/artifacts", run.Info.ArtifactUri);
        Assert.True(
            await StorageLocation
                .Parse($"{run.Info.ArtifactUri}/reports/report.txt", server.Connection)
                .ExistsAsync()
        );
        Assert.Equal(
            ["reports/report.txt"],
            (await backend.Artifacts.ListArtifactsAsync(run.Info.ArtifactUri, "reports")).Select(
                e => e.Path
            )
        );
        Assert.False(Directory.Exists(_directory.Combine("mlartifacts")));
    }

    [Fact]
    public async Task Create_LocalFolderArtifactUri_NewRunsLogThere()
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                WorkingDirectory = _directory.Path,
                ArtifactUri = "elsewhere",
            },
            new ManualTimeProvider()
        );

        var experimentId = await backend.Tracking.CreateExperimentAsync("local");
        var run = await backend.Tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId });

        Assert.Equal(_directory.Combine("elsewhere"), backend.ArtifactRoot);
        Assert.StartsWith(
            "file://" + _directory.Combine("elsewhere"),
            run.Info.ArtifactUri,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Create_ArtifactUriWithMlflowServer_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrackingBackendFactory.Create(
                new TrackingBackendOptions
                {
                    TrackingUri = "http://127.0.0.1:1",
                    ArtifactUri = "s3://bucket/prefix",
                    WorkingDirectory = _directory.Path,
                },
                new ManualTimeProvider()
            )
        );

        Assert.Contains("MHI_ARTIFACT_URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MalformedS3ArtifactUri_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
            TrackingBackendFactory.Create(
                new TrackingBackendOptions
                {
                    ArtifactUri = "s3://x",
                    WorkingDirectory = _directory.Path,
                },
                new ManualTimeProvider()
            )
        );
    }
}
