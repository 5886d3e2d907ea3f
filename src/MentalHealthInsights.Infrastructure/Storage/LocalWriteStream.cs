namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// Writes to a hidden temporary file beside the target and renames it into place on commit
/// (after flushing to disk), so the target is untouched or complete.
/// </summary>
internal sealed class LocalWriteStream : StorageWriteStream
{
    private const string TemporarySuffix = ".tmp";
    private const int BufferSize = 1 << 16;

    private readonly LocalStorageLocation _location;
    private readonly string _temporary;
    private FileStream? _file;
    private bool _committed;
    private long _written;

    public LocalWriteStream(LocalStorageLocation location)
    {
        _location = location;
        var directory =
            Path.GetDirectoryName(location.FullPath)
            ?? throw new ArgumentException("The path has no parent folder.", nameof(location));
        Directory.CreateDirectory(directory);
        _temporary = Path.Combine(
            directory,
            $".{Path.GetFileName(location.FullPath)}.{Guid.NewGuid():N}{TemporarySuffix}"
        );
        _file = new FileStream(
            _temporary,
            FileMode.CreateNew,
            FileAccess.Write,
            FileShare.None,
            BufferSize,
            FileOptions.Asynchronous
        );
    }

    /// <summary>True for the hidden temporary files this stream (and the CSV writers) leave while writing.</summary>
    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    public override StorageLocation Location => _location;

    public override bool IsCommitted => _committed;

    public override long BytesWritten => _written;

    public override void Write(byte[] buffer, int offset, int count) =>
        Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Open().Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken cancellationToken
    ) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default
    )
    {
        await Open().WriteAsync(buffer, cancellationToken);
        _written += buffer.Length;
    }

    public override void Flush() => _file?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _file?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var file = Open();
        cancellationToken.ThrowIfCancellationRequested();
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        await file.DisposeAsync();
        File.Move(_temporary, _location.FullPath, overwrite: true);
        _committed = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _file = null;
            if (!_committed)
            {
                File.Delete(_temporary);
            }
        }
        base.Dispose(disposing);
    }

    private FileStream Open() =>
        _committed
            ? throw new InvalidOperationException("The stream was committed.")
            : _file ?? throw new ObjectDisposedException(nameof(LocalWriteStream));
}
