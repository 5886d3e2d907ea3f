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

    /// <summary>
    /// JSON is UTF-8 (RFC 8259): a charset other than UTF-8 is a 415, quoted or not; it used to be
    /// accepted and the bytes read as UTF-8 all the same.
    /// </summary>
    [Theory]
    [InlineData("application/json; charset=latin1", 415)]
    [InlineData("application/json; charset=\"latin1\"", 415)]
    [InlineData("application/json;charset=ISO-8859-1", 415)]
    [InlineData("application/json; charset=utf-16", 415)]
    [InlineData("application/json; charset=us-ascii", 415)]
    [InlineData("application/json; charset=", 415)]
    [InlineData("application/problem+json; charset=latin1", 415)]
    [InlineData("application/json; charset=utf-8", 200)]
    [InlineData("application/json; charset=UTF-8", 200)]
    [InlineData("application/json;charset=\"utf-8\"", 200)]
    [InlineData("application/json; CHARSET=Utf-8", 200)]
    [InlineData("application/json", 200)]
    [InlineData("application/vnd.example+json; charset=utf-8", 200)]
    public async Task ReadAsync_Charset_OnlyUtf8Accepted(string contentType, int status)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream("{}"u8.ToArray());

        var body = await RequestBody.ReadAsync(context.Request, 65_536, CancellationToken.None);

        Assert.Equal(status, body.Status);
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
