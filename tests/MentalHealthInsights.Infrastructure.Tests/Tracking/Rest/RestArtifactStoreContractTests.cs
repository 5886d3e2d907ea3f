using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Rest;
using MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>Runs the artifact contract against the MLflow artifact proxy of a fake server on loopback.</summary>
public sealed class RestArtifactStoreContractTests : ArtifactStoreContractTests
{
    private readonly RestTestServer _server = new();

    protected override IArtifactStore CreateStore() => new RestArtifactStore(_server.Client);

    protected override async Task<string> CreateRunArtifactUriAsync()
    {
        var tracking = new RestTrackingStore(_server.Client);
        var experimentId = await tracking.CreateExperimentAsync($"artifacts-{Guid.NewGuid():N}");
        var run = await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId });
        return run.Info.ArtifactUri;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _server.Dispose();
        }
        base.Dispose(disposing);
    }
}
