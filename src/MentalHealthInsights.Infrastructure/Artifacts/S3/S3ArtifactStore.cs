using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Artifacts.S3;

/// <summary>
/// Run artifacts in S3 (MLflow's <c>S3ArtifactRepository</c>): a run's artifact URI is
/// <c>s3://bucket/prefix/&lt;experiment&gt;/&lt;run&gt;/artifacts</c> and an artifact path maps to
/// the key below it. Uploads go through <see cref="StorageLocation.OpenWrite"/> (one PUT, or a
/// multipart upload completed only at the end), so a reader sees the old object or the whole new
/// one. "Directories" are key
/// prefixes, so an empty directory does not exist. S3 failures surface as
/// <see cref="StorageException"/> (an <see cref="IOException"/>); a missing path is
/// <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.
/// </summary>
/// <param name="connection">The S3 client and options (default: from the environment).</param>
public sealed class S3ArtifactStore(S3Connection connection) : IArtifactStore
{
    /// <summary>A store using the connection configured by the environment.</summary>
    public S3ArtifactStore()
        : this(S3Connection.Default) { }

    /// <inheritdoc />
    public async Task LogArtifactAsync(
        string artifactUri,
        string localFile,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        if (!File.Exists(localFile))
        {
            throw new FileNotFoundException(
                "The file to log as an artifact does not exist.",
                localFile
            );
        }
        var relative = ArtifactPath.Combine(
            artifactPath ?? "",
            ArtifactPath.NormalizeName(Path.GetFileName(localFile))
        );
        await StorageTransfer.UploadAsync(localFile, Location(root, relative), cancellationToken);
    }

    /// <inheritdoc />
    public async Task LogArtifactsAsync(
        string artifactUri,
        string localDirectory,
        string? artifactPath = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        // S3 has no empty folders: only the files are uploaded.
        var (_, _, files) = LocalArtifactTree.Read(localDirectory, artifactPath);
        foreach (var (local, relative) in files)
        {
            await StorageTransfer.UploadAsync(local, Location(root, relative), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(
        string artifactUri,
        string? path = null,
        CancellationToken cancellationToken = default
    )
    {
        var root = ResolveRoot(artifactUri);
        var relative = ArtifactPath.Normalize(path);
        var directory = relative.Length == 0 ? "" : relative + "/";
        var entries = new List<ArtifactEntry>();
        var directories = new HashSet<string>(StringComparer.Ordinal);
        // A recursive listing, folded into immediate children here rather than with S3's "/"
        // delimiter: s3rver drops common prefixes more than one level deep, and a run's
        // artifact tree is small (tens of objects), so the extra keys cost little.
        await foreach (var item in Location(root, relative).ListAsync(cancellationToken))
        {
            var slash = item.RelativePath.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                entries.Add(new ArtifactEntry(directory + item.RelativePath, false, item.Size));
            }
            else if (directories.Add(item.RelativePath[..slash]))
            {
                entries.Add(new ArtifactEntry(directory + item.RelativePath[..slash], true, null));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    /// <inheritdoc />
    public async Task<string> DownloadArtifactsAsync(
        string artifactUri,
        string? path,
        string destinationDirectory,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationDirectory);
        var root = ResolveRoot(artifactUri);
        var relative = ArtifactPath.Normalize(path);
        var destinationRoot = Path.GetFullPath(destinationDirectory);
        var destination = LocalArtifactPaths.Under(destinationRoot, relative);
        if (relative.Length > 0)
        {
            var file = Location(root, relative);
            if (await file.ExistsAsync(cancellationToken))
            {
                await StorageTransfer.DownloadAsync(file, destination, cancellationToken);
                return destination;
            }
        }
        var folder = Location(root, relative);
        var found = false;
        await foreach (var item in folder.ListAsync(cancellationToken))
        {
            found = true;
            // Keys come from the bucket, not from us: the same path rules guard the local side.
            var target = LocalArtifactPaths.Under(
                destination,
                ArtifactPath.Normalize(item.RelativePath)
            );
            await StorageTransfer.DownloadAsync(item.Location, target, cancellationToken);
        }
        if (!found && relative.Length > 0)
        {
            throw new TrackingException(
                TrackingErrorCode.ResourceDoesNotExist,
                $"Artifact '{relative}' does not exist under '{artifactUri}'."
            );
        }
        Directory.CreateDirectory(destination);
        return destination;
    }

    private S3StorageLocation Location(S3ObjectUri root, string relative) =>
        new S3StorageLocation(root.Child(relative), connection);

    private static S3ObjectUri ResolveRoot(string artifactUri)
    {
        if (!S3ObjectUri.IsS3(artifactUri))
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"'{artifactUri}' is not an S3 artifact URI (expected s3://bucket/prefix)."
            );
        }
        try
        {
            var root = S3ObjectUri.Parse(artifactUri);
            return root with { Key = root.Key.TrimEnd('/') };
        }
        catch (ArgumentException ex)
        {
            throw new TrackingException(TrackingErrorCode.InvalidParameterValue, ex.Message);
        }
    }
}
