namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>One file (object) found by <see cref="StorageLocation.ListAsync"/> or <see cref="StorageLocation.StatAsync"/>.</summary>
/// <param name="Location">Where it is; open it with <see cref="StorageLocation.OpenReadAsync"/>.</param>
/// <param name="RelativePath">Its path below the listed folder or prefix, <c>/</c>-separated (its name for <see cref="StorageLocation.StatAsync"/>).</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record StorageObject(StorageLocation Location, string RelativePath, long Size)
{
    /// <summary>When it was last written (UTC), when known; null otherwise.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>
    /// A version tag that changes whenever the content changes: the S3 ETag (as S3 returns it,
    /// quotes included); null for local files, whose version is their size and modification time.
    /// </summary>
    public string? ETag { get; init; }
}
