using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Artifacts.S3;

/// <summary>
/// Sends <c>s3://</c> artifact URIs to an <see cref="S3ArtifactStore"/> and every other URI to
/// <paramref name="inner"/> (the local or MLflow-proxy store). Artifact locations belong to
/// experiments, so one tracking store can hold runs of both kinds: older experiments keep their
/// local folder when new ones go to S3, and an MLflow server whose artifact root is S3 hands
/// out <c>s3://</c> run URIs that the client writes directly, as MLflow's own client does.
/// </summary>
/// <param name="inner">The store for non-S3 URIs.</param>
/// <param name="s3">The store for <c>s3://</c> URIs; created from the environment on first use when null.</param>
public sealed class S3RoutingArtifactStore(IArtifactStore inner, IArtifactStore? s3 = null)
    : IArtifactStore
{
    private readonly Lazy<IArtifactStore> _s3 = new(
        () => s3 ?? new S3ArtifactStore(),
        LazyThreadSafetyMode.ExecutionAndPublication
    );

    /// <summary>The store for non-S3 URIs.</summary>
    public IArtifactStore Inner => inner;

    /// <inheritdoc />
    public Task LogArtifactAsync(
        string artifactUri,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    ) => For(artifactUri).LogArtifactAsync(artifactUri, localFile, artifactPath, cancellationToken);

    /// <inheritdoc />
    public Task LogArtifactsAsync(
        string artifactUri,
        string localDirectory,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    ) =>
        For(artifactUri)
            .LogArtifactsAsync(artifactUri, localDirectory, artifactPath, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(
        string artifactUri,
        string? path = null,
        CancellationToken cancellationToken = default
    ) => For(artifactUri).ListArtifactsAsync(artifactUri, path, cancellationToken);

    /// <inheritdoc />
    public Task<string> DownloadArtifactsAsync(
        string artifactUri,
        string? path,
        string destinationDirectory,
        CancellationToken cancellationToken = default
    ) =>
        For(artifactUri)
            .DownloadArtifactsAsync(artifactUri, path, destinationDirectory, cancellationToken);

    private IArtifactStore For(string artifactUri) =>
        StorageLocation.IsS3(artifactUri) ? _s3.Value : inner;
}
