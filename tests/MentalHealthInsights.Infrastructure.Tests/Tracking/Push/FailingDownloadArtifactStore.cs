using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Push;

/// <summary>An artifact store whose downloads fail for one artifact URI (a broken source folder).</summary>
internal sealed class FailingDownloadArtifactStore(IArtifactStore inner, string failingUri)
    : IArtifactStore
{
    public Task LogArtifactAsync(
        string artifactUri,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    ) => inner.LogArtifactAsync(artifactUri, localFile, artifactPath, cancellationToken);

    public Task LogArtifactsAsync(
        string artifactUri,
        string localDirectory,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    ) => inner.LogArtifactsAsync(artifactUri, localDirectory, artifactPath, cancellationToken);

    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(
        string artifactUri,
        string? path = null,
        CancellationToken cancellationToken = default
    ) => inner.ListArtifactsAsync(artifactUri, path, cancellationToken);

    public Task<string> DownloadArtifactsAsync(
        string artifactUri,
        string? path,
        string destinationDirectory,
        CancellationToken cancellationToken = default
    ) =>
        artifactUri == failingUri
            ? throw new TrackingException(
                TrackingErrorCode.InternalError,
                $"Cannot read artifact '{path}'."
            )
            : inner.DownloadArtifactsAsync(
                artifactUri,
                path,
                destinationDirectory,
                cancellationToken
            );
}
