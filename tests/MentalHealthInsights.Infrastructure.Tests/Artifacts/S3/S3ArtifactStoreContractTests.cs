using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.S3;
using MentalHealthInsights.Infrastructure.Tests.Storage;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Artifacts.S3;

/// <summary>
/// Runs the artifact contract against a real s3rver, with run artifact URIs made by the SQLite
/// tracking store under an s3:// default artifact root (the layout --artifacts s3://… gives).
/// </summary>
[Collection(S3rverGroup.Name)]
public sealed class S3ArtifactStoreContractTests(S3rverFixture server) : ArtifactStoreContractTests
{
    private readonly TempDirectory _stores = new();

    protected override IArtifactStore CreateStore() => new S3ArtifactStore(server.Connection);

    protected override async Task<string> CreateRunArtifactUriAsync()
    {
        var tracking = new SqliteTrackingStore(
            new SqliteTrackingOptions
            {
                DatabasePath = _stores.Combine("mlruns.db"),
                DefaultArtifactRoot =
                    $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("artifacts")}",
            },
            new ManualTimeProvider()
        );
        var experimentId = await tracking.CreateExperimentAsync($"artifacts-{Guid.NewGuid():N}");
        var run = await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        return run.Info.ArtifactUri;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stores.Dispose();
        }
        base.Dispose(disposing);
    }
}
