using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Local;
using MentalHealthInsights.Infrastructure.Artifacts.Rest;
using MentalHealthInsights.Infrastructure.Artifacts.S3;
using MentalHealthInsights.Infrastructure.Tracking.Rest;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

public sealed class TrackingBackendFactoryRestTests : IDisposable
{
    private readonly FakeMlflowServer _server = new();
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        _server.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Create_HttpTrackingUri_RestStoresThatReachTheServerWithTheToken()
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                TrackingUri = _server.Uri.AbsoluteUri,
                Token = "abc",
                WorkingDirectory = _directory.Path,
                Retry = RestTestServer.FastRetry,
            },
            new ManualTimeProvider()
        );

        var id = await backend.Tracking.CreateExperimentAsync($"factory-{Guid.NewGuid():N}");
        var run = await backend.Tracking.CreateRunAsync(new NewRun { ExperimentId = id });

        Assert.IsType<RestTrackingStore>(backend.Tracking);
        Assert.IsType<RestModelRegistry>(backend.Registry);
        Assert.IsType<RestArtifactStore>(
            Assert.IsType<S3RoutingArtifactStore>(backend.Artifacts).Inner
        );
        Assert.Equal(_server.Uri.AbsoluteUri, backend.TrackingUri);
        Assert.StartsWith("mlflow-artifacts:/", run.Info.ArtifactUri, StringComparison.Ordinal);
        Assert.All(_server.Requests, r => Assert.Equal("Bearer abc", r.Authorization));
        Assert.False(File.Exists(Path.Combine(_directory.Path, "mlruns.db")));
    }

    [Fact]
    public void Create_HttpTrackingAndSqliteRegistry_MixesTheStores()
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                TrackingUri = _server.Uri.AbsoluteUri,
                RegistryUri = "sqlite:///registry.db",
                WorkingDirectory = _directory.Path,
            },
            new ManualTimeProvider()
        );

        Assert.IsType<RestTrackingStore>(backend.Tracking);
        Assert.IsType<SqliteModelRegistry>(backend.Registry);
        Assert.EndsWith("/registry.db", backend.RegistryUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LocalTrackingAndHttpRegistry_RegistryOnTheServer()
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                RegistryUri = _server.Uri.AbsoluteUri,
                WorkingDirectory = _directory.Path,
            },
            new ManualTimeProvider()
        );

        Assert.IsType<SqliteTrackingStore>(backend.Tracking);
        Assert.IsType<LocalArtifactStore>(
            Assert.IsType<S3RoutingArtifactStore>(backend.Artifacts).Inner
        );
        Assert.IsType<RestModelRegistry>(backend.Registry);
    }

    [Theory]
    [InlineData("http://")]
    [InlineData("https:///path-only")]
    public void Create_HttpUriWithoutHost_ArgumentException(string uri) =>
        Assert.Throws<ArgumentException>(() =>
            TrackingBackendFactory.Create(
                new TrackingBackendOptions
                {
                    TrackingUri = uri,
                    WorkingDirectory = _directory.Path,
                },
                new ManualTimeProvider()
            )
        );
}
