namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// A write-only stream to a storage location whose content becomes visible only when
/// <see cref="CommitAsync"/> succeeds. Disposing without committing (an exception, a
/// cancellation, a crash) discards what was written: readers see the previous object or file, or
/// nothing, never a partial one. Not thread-safe.
/// </summary>
public abstract class StorageWriteStream : Stream
{
    /// <summary>Where the content goes.</summary>
    public abstract StorageLocation Location { get; }

    /// <summary>True once <see cref="CommitAsync"/> has succeeded.</summary>
    public abstract bool IsCommitted { get; }

    /// <summary>Bytes written so far.</summary>
    public abstract long BytesWritten { get; }

    /// <summary>
    /// Makes everything written so far the content of <see cref="Location"/>, replacing what was
    /// there. Writing after a commit is an <see cref="InvalidOperationException"/>.
    /// </summary>
    public abstract Task CommitAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public sealed override bool CanRead => false;

    /// <inheritdoc />
    public sealed override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !IsCommitted;

    /// <inheritdoc />
    public sealed override long Length => BytesWritten;

    /// <inheritdoc />
    public sealed override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException("Storage write streams cannot seek.");
    }

    /// <inheritdoc />
    public sealed override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Storage write streams cannot be read.");

    /// <inheritdoc />
    public sealed override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("Storage write streams cannot seek.");

    /// <inheritdoc />
    public sealed override void SetLength(long value) =>
        throw new NotSupportedException("Storage write streams cannot change length.");
}
