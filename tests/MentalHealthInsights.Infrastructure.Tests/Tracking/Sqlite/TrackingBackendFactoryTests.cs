using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Local;
using MentalHealthInsights.Infrastructure.Artifacts.S3;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Sqlite;

public sealed class TrackingBackendFactoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ResolveLocal_Unset_MlrunsDbAndMlartifactsInWorkingDirectory(string? uri)
    {
        var location = TrackingBackendFactory.ResolveLocal(uri, _directory.Path);

        Assert.Equal(_directory.Combine("mlruns.db"), location.DatabasePath);
        Assert.Equal(_directory.Combine("mlartifacts"), location.ArtifactRoot);
    }

    [Theory]
    [InlineData("runs/tracking.db", "runs/tracking.db")]
    [InlineData("sqlite:///runs/tracking.db", "runs/tracking.db")]
    [InlineData("SQLITE:///x.db", "x.db")]
    public void ResolveLocal_RelativePathOrSqliteUri_ThatDatabaseArtifactsBesideIt(
        string uri,
        string relative
    )
    {
        var location = TrackingBackendFactory.ResolveLocal(uri, _directory.Path);

        var expected = Path.GetFullPath(Path.Combine(_directory.Path, relative));
        Assert.Equal(expected, location.DatabasePath);
        Assert.Equal(
            Path.Combine(Path.GetDirectoryName(expected)!, "mlartifacts"),
            location.ArtifactRoot
        );
    }

    [Fact]
    public void ResolveLocal_SqliteUriWithFourSlashes_AbsolutePath()
    {
        var absolute = _directory.Combine("abs", "t.db");

        var location = TrackingBackendFactory.ResolveLocal(
            "sqlite:///" + absolute,
            "/somewhere/else"
        );

        Assert.Equal(absolute, location.DatabasePath);
        Assert.Equal("sqlite:///" + absolute, location.Uri);
    }

    [Theory]
    [InlineData("http://mlflow.example:5000")]
    [InlineData("https://mlflow.example")]
    public void ResolveLocal_HttpUri_NotSupportedAsALocalStore(string uri)
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            TrackingBackendFactory.ResolveLocal(uri, _directory.Path)
        );

        Assert.Contains("names an MLflow server", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///tmp/mlruns")]
    [InlineData("postgresql://user@host/db")]
    [InlineData("databricks://profile")]
    public void ResolveLocal_OtherSchemes_NotSupported(string uri) =>
        Assert.Throws<NotSupportedException>(() =>
            TrackingBackendFactory.ResolveLocal(uri, _directory.Path)
        );

    [Theory]
    [InlineData("sqlite://")]
    [InlineData("sqlite:///")]
    [InlineData("sqlite:///:memory:")]
    [InlineData("sqlite:///x.db?mode=ro")]
    public void ResolveLocal_BadSqliteUri_ArgumentException(string uri) =>
        Assert.Throws<ArgumentException>(() =>
            TrackingBackendFactory.ResolveLocal(uri, _directory.Path)
        );

    [Fact]
    public void ResolveLocal_PathIsAFolder_ArgumentExceptionNamingTheFix()
    {
        Directory.CreateDirectory(_directory.Combine("mlruns"));

        var error = Assert.Throws<ArgumentException>(() =>
            TrackingBackendFactory.ResolveLocal("mlruns", _directory.Path)
        );

        Assert.Contains("mlruns.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Unset_StoresShareOneDatabaseAndLogArtifactsUnderTheRoot()
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions { WorkingDirectory = _directory.Path, UserName = "ci" },
            new ManualTimeProvider()
        );
        var service = new TrackingService(
            backend.Tracking,
            new ManualTimeProvider(),
            artifacts: backend.Artifacts
        );
        var experimentId = await service.GetOrCreateExperimentAsync("factory");
        var run = await service.StartRunAsync(experimentId);
        var file = _directory.Combine("report.txt");
        await File.WriteAllTextAsync(file, "hello");

        await service.LogArtifactAsync(run.Info.RunId, file, "reports");
        await backend.Registry.CreateRegisteredModelAsync("m");
        var version = await backend.Registry.CreateModelVersionAsync(
            new NewModelVersion
            {
                Name = "m",
                Source = run.Info.ArtifactUri + "/model",
                RunId = run.Info.RunId,
            }
        );

        Assert.True(
            File.Exists(
                _directory.Combine(
                    "mlartifacts",
                    experimentId,
                    run.Info.RunId,
                    "artifacts",
                    "reports",
                    "report.txt"
                )
            )
        );
        Assert.Equal(_directory.Combine("mlartifacts"), backend.ArtifactRoot);
        Assert.Equal("sqlite:///" + _directory.Combine("mlruns.db"), backend.TrackingUri);
        Assert.Equal(backend.TrackingUri, backend.RegistryUri);
        Assert.Equal("ci", version.UserId);
        Assert.Equal(
            FileUris.ToFileUri(_directory.Combine("mlartifacts")),
            ((LocalArtifactStore)((S3RoutingArtifactStore)backend.Artifacts).Inner).RootUri
        );
    }

    [Fact]
    public async Task Create_SeparateRegistryUri_RegistryInItsOwnDatabase()
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                WorkingDirectory = _directory.Path,
                TrackingUri = "sqlite:///tracking.db",
                RegistryUri = "registry/models.db",
            },
            new ManualTimeProvider()
        );

        await backend.Registry.CreateRegisteredModelAsync("separate");

        Assert.True(File.Exists(_directory.Combine("registry", "models.db")));
        Assert.False(File.Exists(_directory.Combine("tracking.db")));
        Assert.Equal(
            "sqlite:///" + _directory.Combine("registry", "models.db"),
            backend.RegistryUri
        );
    }

    public void Dispose() => _directory.Dispose();
}
