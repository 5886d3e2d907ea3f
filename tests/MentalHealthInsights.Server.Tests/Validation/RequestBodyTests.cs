using MentalHealthInsights.Server.Validation;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace MentalHealthInsights.Server.Tests.Validation;

public sealed class RequestBodyTests
{
    /// <summary>
    /// A client that resets the connection mid-upload: Kestrel's body read throws
    /// ConnectionResetException, which used to escape as an unhandled exception (an error log with
    /// a stack trace per abandoned request). Now the body is "not readable" (400), like a broken upload.
    /// </summary>
    [Fact]
    public async Task ReadAsync_ConnectionResetMidBody_Returns400NotAnException()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new ResettingStream();

        var body = await RequestBody.ReadAsync(context.Request, 65_536, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, body.Status);
    }

    private sealed class ResettingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(
            Memory<byte> buffer,
            CancellationToken cancellationToken = default
        ) => throw new ConnectionResetException("The client reset the request stream.");

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken
        ) => throw new ConnectionResetException("The client reset the request stream.");
    }
}
