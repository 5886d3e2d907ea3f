using Amazon.S3;
using Amazon.S3.Model;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// Uploads what is written to one S3 object. Up to one part size it is a single PUT at commit;
/// beyond that a multipart upload starts, each full part is uploaded while the next one fills
/// (at most two parts in memory), and the object appears only when the upload is completed at
/// commit. Disposing uncommitted aborts the multipart upload, so S3 drops the parts and no
/// object (or the previous one) stays visible.
/// </summary>
/// <remarks>
/// Every request sets <c>UseChunkEncoding = false</c>: the body is in memory, so the SDK can
/// sign its hash directly, and s3rver stores aws-chunked framing inside the object otherwise.
/// </remarks>
internal sealed class S3UploadStream : StorageWriteStream
{
    private readonly S3StorageLocation _location;
    private readonly IAmazonS3 _client;
    private readonly int _partSize;
    private readonly List<PartETag> _parts = [];
    private readonly CancellationTokenSource _abort = new();
    private MemoryStream _current = new();
    private MemoryStream? _spare;
    private Task? _inFlight;
    private string? _uploadId;
    private int _nextPartNumber = 1;
    private long _written;
    private bool _committed;
    private bool _failed;
    private bool _disposed;

    public S3UploadStream(S3StorageLocation location, S3Connection connection)
    {
        _location = location;
        _client = connection.Client;
        _partSize = connection.Options.PartSizeBytes;
    }

    public override StorageLocation Location => _location;

    public override bool IsCommitted => _committed;

    public override long BytesWritten => _written;

    /// <summary>True once a multipart upload was started (the object is larger than one part).</summary>
    public bool IsMultipart => _uploadId is not null;

    /// <summary>How many parts were uploaded so far.</summary>
    public int PartsUploaded => _parts.Count;

    public override void Write(byte[] buffer, int offset, int count) =>
        Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureWritable();
        while (!buffer.IsEmpty)
        {
            var take = (int)Math.Min(buffer.Length, _partSize - _current.Length);
            _current.Write(buffer[..take]);
            _written += take;
            buffer = buffer[take..];
            if (_current.Length == _partSize)
            {
                // Synchronous callers (StreamWriter in CSV writers) block here only while the
                // previous part is still uploading.
                ShipPartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
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
        EnsureWritable();
        while (!buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var take = (int)Math.Min(buffer.Length, _partSize - _current.Length);
            _current.Write(buffer.Span[..take]);
            _written += take;
            buffer = buffer[take..];
            if (_current.Length == _partSize)
            {
                await ShipPartAsync(cancellationToken);
            }
        }
    }

    // Nothing is visible before the commit, so there is nothing to flush.
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        try
        {
            if (_uploadId is null)
            {
                _current.Position = 0;
                await S3Errors.TranslateAsync(
                    _location.Uri,
                    () =>
                        _client.PutObjectAsync(
                            new PutObjectRequest
                            {
                                BucketName = _location.ObjectUri.Bucket,
                                Key = _location.ObjectUri.Key,
                                InputStream = _current,
                                AutoCloseStream = false,
                                UseChunkEncoding = false,
                            },
                            cancellationToken
                        )
                );
            }
            else
            {
                if (_current.Length > 0)
                {
                    await ShipPartAsync(cancellationToken);
                }
                await AwaitInFlightAsync();
                var parts = _parts.OrderBy(p => p.PartNumber).ToList();
                await S3Errors.TranslateAsync(
                    _location.Uri,
                    () =>
                        _client.CompleteMultipartUploadAsync(
                            new CompleteMultipartUploadRequest
                            {
                                BucketName = _location.ObjectUri.Bucket,
                                Key = _location.ObjectUri.Key,
                                UploadId = _uploadId,
                                PartETags = parts,
                            },
                            cancellationToken
                        )
                );
            }
            _committed = true;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            DisposeCoreAsync().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            await DisposeCoreAsync();
        }
        await base.DisposeAsync();
    }

    private async Task DisposeCoreAsync()
    {
        _disposed = true;
        if (!_committed)
        {
            await _abort.CancelAsync();
            try
            {
                await AwaitInFlightAsync();
            }
#pragma warning disable CA1031 // Disposal of an abandoned upload: its part's failure no longer matters.
            catch (Exception) { }
#pragma warning restore CA1031
            if (_uploadId is not null)
            {
                await AbortUploadAsync();
            }
        }
        _abort.Dispose();
        await _current.DisposeAsync();
        if (_spare is not null)
        {
            await _spare.DisposeAsync();
        }
    }

    private async Task AbortUploadAsync()
    {
        try
        {
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest
                {
                    BucketName = _location.ObjectUri.Bucket,
                    Key = _location.ObjectUri.Key,
                    UploadId = _uploadId,
                },
                CancellationToken.None
            );
        }
#pragma warning disable CA1031 // Best effort: the upload was never completed, so no object is visible; the bucket's lifecycle rule removes stale parts.
        catch (Exception) { }
#pragma warning restore CA1031
    }

    private async Task ShipPartAsync(CancellationToken cancellationToken)
    {
        await AwaitInFlightAsync();
        if (_uploadId is null)
        {
            // Until the upload has started, a failure leaves the stream unusable.
            _failed = true;
            var started = await S3Errors.TranslateAsync(
                _location.Uri,
                () =>
                    _client.InitiateMultipartUploadAsync(
                        new InitiateMultipartUploadRequest
                        {
                            BucketName = _location.ObjectUri.Bucket,
                            Key = _location.ObjectUri.Key,
                        },
                        cancellationToken
                    )
            );
            _uploadId = started.UploadId;
            _failed = false;
        }
        var part = _current;
        var number = _nextPartNumber++;
        _current = _spare ?? new MemoryStream();
        _current.SetLength(0);
        _spare = null;
        _inFlight = UploadPartAsync(part, number, cancellationToken);
    }

    private async Task UploadPartAsync(
        MemoryStream part,
        int number,
        CancellationToken cancellationToken
    )
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken,
            _abort.Token
        );
        var body = new MemoryStream(part.GetBuffer(), 0, (int)part.Length, writable: false);
        var response = await S3Errors.TranslateAsync(
            _location.Uri,
            () =>
                _client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _location.ObjectUri.Bucket,
                        Key = _location.ObjectUri.Key,
                        UploadId = _uploadId,
                        PartNumber = number,
                        PartSize = part.Length,
                        InputStream = body,
                        UseChunkEncoding = false,
                    },
                    linked.Token
                )
        );
        _parts.Add(new PartETag(number, response.ETag));
        part.SetLength(0);
        _spare = part;
    }

    private async Task AwaitInFlightAsync()
    {
        if (_inFlight is { } task)
        {
            _inFlight = null;
            try
            {
                await task;
            }
            catch
            {
                _failed = true;
                throw;
            }
        }
    }

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException($"{_location.Uri} was already committed.");
        }
        if (_failed)
        {
            throw new StorageException(
                "upload-failed",
                $"the upload of {_location.Uri} failed earlier; nothing was written."
            );
        }
    }
}
