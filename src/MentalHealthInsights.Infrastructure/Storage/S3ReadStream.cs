using Amazon.S3.Model;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// The body of a GET, read as it arrives. Owns the response: disposing it releases the
/// connection. Counts bytes read so <see cref="Position"/> and <see cref="Length"/> are known,
/// but cannot seek.
/// </summary>
internal sealed class S3ReadStream(GetObjectResponse response, string location) : Stream
{
    private readonly Stream _body = response.ResponseStream;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The object's size in bytes (Content-Length).</summary>
    public override long Length => response.ContentLength;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("S3 object streams cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            var read = _body.Read(buffer);
            _position += read;
            return read;
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            throw Interrupted(ex);
        }
    }

    public override async Task<int> ReadAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken cancellationToken
    ) => await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            var read = await _body.ReadAsync(buffer, cancellationToken);
            _position += read;
            return read;
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            throw Interrupted(ex);
        }
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("S3 object streams cannot seek.");

    public override void SetLength(long value) =>
        throw new NotSupportedException("S3 object streams are read-only.");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("S3 object streams are read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            response.Dispose();
        }
        base.Dispose(disposing);
    }

    private StorageException Interrupted(Exception ex) =>
        new(
            "unreachable",
            $"the download of {location} was interrupted after {_position} bytes.",
            ex
        );
}
