namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// A file or folder that commands read and write: a local path, or an object or key prefix in
/// S3 (<c>s3://bucket/key</c>). One call opens either:
/// <c>await using var input = await StorageLocation.Parse(text).OpenReadAsync(ct);</c>.
/// </summary>
/// <remarks>
/// Reads stream (an S3 object is never downloaded whole into memory). Writes go through a
/// <see cref="StorageWriteStream"/> that must be committed: local files are written beside the
/// target and renamed into place; S3 objects are uploaded in parts (multipart above
/// <see cref="S3StorageOptions.PartSizeBytes"/>) and completed only on commit, so an aborted
/// write never leaves a complete-looking object. A missing file or object →
/// <see cref="FileNotFoundException"/>; other S3 failures → <see cref="StorageException"/>.
/// </remarks>
public abstract class StorageLocation
{
    private protected StorageLocation() { }

    /// <summary>
    /// <c>s3://bucket/key</c> → an S3 location using <paramref name="s3"/> (default: the
    /// connection configured by the environment, see <see cref="S3StorageOptions.FromEnvironment"/>);
    /// anything else → a local path, resolved against the current directory.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed s3:// URI or an empty text.</exception>
    public static StorageLocation Parse(string pathOrUri, S3Connection? s3 = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUri);
        return S3ObjectUri.IsS3(pathOrUri)
            ? new S3StorageLocation(S3ObjectUri.Parse(pathOrUri), s3 ?? S3Connection.Default)
            : new LocalStorageLocation(Path.GetFullPath(pathOrUri));
    }

    /// <summary>True when <paramref name="pathOrUri"/> names an S3 location (<c>s3://</c>).</summary>
    public static bool IsS3(string? pathOrUri) => S3ObjectUri.IsS3(pathOrUri);

    /// <summary>The absolute local path or the <c>s3://bucket/key</c> URI, for messages and JSON.</summary>
    public abstract string Uri { get; }

    /// <summary>The last path segment (the file name), e.g. <c>survey.csv</c>; empty for a bucket root.</summary>
    public abstract string Name { get; }

    /// <summary>True for a local path.</summary>
    public abstract bool IsLocal { get; }

    /// <summary>
    /// Opens the file or object for reading. An S3 object is streamed from the network as it
    /// is read (forward-only, not seekable); dispose the stream to release the connection.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file, object or bucket.</exception>
    /// <exception cref="StorageException">Access denied, no credentials, endpoint unreachable.</exception>
    public abstract Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a stream whose content replaces the file or object when
    /// <see cref="StorageWriteStream.CommitAsync"/> succeeds; disposing it uncommitted discards it.
    /// Local parent folders are created.
    /// </summary>
    public abstract StorageWriteStream OpenWrite();

    /// <summary>True when a file or object exists at this exact location.</summary>
    /// <exception cref="StorageException">Access denied, no credentials, endpoint unreachable.</exception>
    public abstract Task<bool> ExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The size, modification time and (S3) ETag of the file or object at this exact location;
    /// null when there is none (a folder or prefix is not a file).
    /// </summary>
    /// <exception cref="StorageException">Access denied, no credentials, endpoint unreachable.</exception>
    public abstract Task<StorageObject?> StatAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every file (object) under this location taken as a folder (key prefix <c>key/</c>),
    /// recursively, sorted by relative path (ordinal). A missing folder or prefix → none.
    /// Unfinished local temporary files (hidden <c>.*.tmp</c>) are skipped.
    /// </summary>
    public abstract IAsyncEnumerable<StorageObject> ListAsync(
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// The location of <paramref name="relativePath"/> (<c>/</c>-separated, no <c>..</c>)
    /// under this one taken as a folder.
    /// </summary>
    /// <exception cref="ArgumentException">An empty, rooted or <c>..</c> path.</exception>
    public abstract StorageLocation Child(string relativePath);

    /// <inheritdoc />
    public override string ToString() => Uri;

    /// <summary>Checks a relative path used with <see cref="Child"/>.</summary>
    private protected static string CheckRelative(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var normalized = relativePath.Replace('\\', '/');
        if (
            normalized.StartsWith('/')
            || normalized.Split('/').Any(segment => segment is "" or "." or "..")
        )
        {
            throw new ArgumentException(
                $"'{relativePath}' must be a relative path without empty, '.' or '..' segments.",
                nameof(relativePath)
            );
        }
        return normalized;
    }
}
