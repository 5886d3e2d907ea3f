using MentalHealthInsights.Core.Artifacts;

namespace MentalHealthInsights.Core.Tracking;

// Artifact conveniences: resolve the run's artifact URI, then hand the files to the artifact store.
public sealed partial class TrackingService
{
    /// <summary>Uploads a local file to <c>&lt;artifactPath&gt;/&lt;file name&gt;</c> under the run's artifact root.</summary>
    public async Task LogArtifactAsync(
        string runId,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var artifacts = RequireArtifacts();
        var run = await Store.GetRunAsync(runId, cancellationToken);
        await artifacts.LogArtifactAsync(
            run.Info.ArtifactUri,
            localFile,
            artifactPath,
            cancellationToken
        );
    }

    /// <summary>Uploads a local directory's contents, recursively, to <paramref name="artifactPath"/> under the run's artifact root.</summary>
    public async Task LogArtifactsAsync(
        string runId,
        string localDirectory,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var artifacts = RequireArtifacts();
        var run = await Store.GetRunAsync(runId, cancellationToken);
        await artifacts.LogArtifactsAsync(
            run.Info.ArtifactUri,
            localDirectory,
            artifactPath,
            cancellationToken
        );
    }

    private IArtifactStore RequireArtifacts() =>
        _artifacts
        ?? throw new InvalidOperationException(
            "This TrackingService has no artifact store; pass one to the constructor."
        );
}
