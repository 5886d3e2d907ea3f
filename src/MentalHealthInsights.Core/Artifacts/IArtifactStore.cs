namespace MentalHealthInsights.Core.Artifacts;

/// <summary>
/// The artifact port: files under a run's artifact root URI (<see cref="Tracking.RunInfo.ArtifactUri"/>),
/// kept apart from the metadata stores (MLflow's <c>ArtifactRepository</c>). Artifact paths are
/// relative, <c>/</c>-separated and checked by <see cref="ArtifactPath.Normalize"/>: <c>..</c>
/// segments, absolute paths and backslashes fail with
/// <see cref="Tracking.TrackingErrorCode.InvalidParameterValue"/>.
/// </summary>
public interface IArtifactStore
{
    /// <summary>
    /// Uploads one local file to <c>&lt;artifactPath&gt;/&lt;file name&gt;</c> (or the root when
    /// <paramref name="artifactPath"/> is null), replacing a file already there. Readers never
    /// see a half-written file.
    /// </summary>
    Task LogArtifactAsync(
        string artifactUri,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>Uploads the contents of a local directory, recursively, under <paramref name="artifactPath"/>.</summary>
    Task LogArtifactsAsync(
        string artifactUri,
        string localDirectory,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// The immediate children of <paramref name="path"/> (null = the root), sorted by path, with
    /// paths relative to the artifact root; empty when the directory does not exist (as MLflow).
    /// </summary>
    Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(
        string artifactUri,
        string? path = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Downloads a file or a directory tree (null = everything) into
    /// <paramref name="destinationDirectory"/>, keeping the relative layout, and returns the local
    /// path of what was downloaded. A missing path →
    /// <see cref="Tracking.TrackingErrorCode.ResourceDoesNotExist"/>.
    /// </summary>
    Task<string> DownloadArtifactsAsync(
        string artifactUri,
        string? path,
        string destinationDirectory,
        CancellationToken cancellationToken = default
    );
}
