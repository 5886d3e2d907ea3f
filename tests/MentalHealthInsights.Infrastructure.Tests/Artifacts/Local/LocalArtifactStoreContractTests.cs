using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Local;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Artifacts.Local;

/// <summary>
/// Runs the artifact contract against a local folder, with run artifact URIs made by the SQLite
/// tracking store (so the layout is the real one: &lt;root&gt;/&lt;experiment&gt;/&lt;run&gt;/artifacts).
/// </summary>
public sealed class LocalArtifactStoreContractTests : ArtifactStoreContractTests
{
    private readonly TempDirectory _stores = new();

    protected override IArtifactStore CreateStore() =>
        new LocalArtifactStore(_stores.Combine("mlartifacts"));

    protected override async Task<string> CreateRunArtifactUriAsync()
    {
        var tracking = new SqliteTrackingStore(
            _stores.Combine("mlruns.db"),
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
