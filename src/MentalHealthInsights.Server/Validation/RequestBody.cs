using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;

namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Reads a whole JSON request body from the request pipe without copying, refusing bodies over
/// the limit (413) before they are buffered and non-JSON content types (415). The caller parses
/// <see cref="Buffer"/> and then calls <see cref="Complete"/>.
/// </summary>
internal readonly struct RequestBody
{
    private readonly PipeReader? _pipe;

    private RequestBody(PipeReader? pipe, ReadOnlySequence<byte> buffer, int status)
    {
        _pipe = pipe;
        Buffer = buffer;
        Status = status;
    }

    /// <summary>The body's bytes (valid until <see cref="Complete"/>).</summary>
    public ReadOnlySequence<byte> Buffer { get; }

    /// <summary>200 when the body was read; otherwise 413, 415, or 400 for a broken upload.</summary>
    public int Status { get; }

    /// <summary>Reads the body of <paramref name="request"/>, at most <paramref name="limit"/> bytes.</summary>
    public static async ValueTask<RequestBody> ReadAsync(
        HttpRequest request,
        int limit,
        CancellationToken cancellationToken
    )
    {
        if (!IsJson(request.ContentType))
        {
            return new RequestBody(null, default, StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > limit)
        {
            return new RequestBody(null, default, StatusCodes.Status413PayloadTooLarge);
        }
        var pipe = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                if (result.Buffer.Length > limit)
                {
                    pipe.AdvanceTo(result.Buffer.End);
                    return new RequestBody(null, default, StatusCodes.Status413PayloadTooLarge);
                }
                if (result.IsCompleted || result.IsCanceled)
                {
                    return new RequestBody(pipe, result.Buffer, StatusCodes.Status200OK);
                }
                // Nothing consumed, everything examined: wait for more bytes.
                pipe.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own body limit (set a little above ours) or a broken upload.
            return new RequestBody(null, default, ex.StatusCode);
        }
        catch (IOException)
        {
            // The client reset the connection mid-upload (ConnectionResetException): nobody is
            // left to answer, and it is not a server error to log with a stack trace.
            return new RequestBody(null, default, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Releases the buffer back to the pipe.</summary>
    public void Complete() => _pipe?.AdvanceTo(Buffer.End);

    /// <summary>
    /// True for a missing content type, <c>application/json</c> or a <c>+json</c> type whose
    /// charset, if given, is UTF-8 (RFC 8259: JSON is UTF-8). Another charset used to be accepted
    /// and its bytes read as UTF-8 all the same.
    /// </summary>
    private static bool IsJson(string? contentType)
    {
        // A missing content type is accepted (curl -d without -H); anything else must be JSON.
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }
        mediaType = mediaType.Trim();
        var json =
            mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        return json && (semicolon < 0 || IsUtf8OrNoCharset(contentType));
    }

    // The parameters are parsed by the framework's header parser (quoted values included); a
    // header it cannot parse is not a JSON content type.
    private static bool IsUtf8OrNoCharset(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (
            parsed.Charset is not { HasValue: true } charset
            || HeaderUtilities
                .RemoveQuotes(charset)
                .Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        );
}
