using System.Net;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Pages;

/// <summary>
/// The pages and GET endpoints at the HTTP level: HEAD answered as GET (it used to be a 405),
/// and the pages' ETag revalidation as RFC 9110 reads If-None-Match (lists, weak tags, *).
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class PagesHttpTests(TrainedModelFixture models) : ReadyServerTests(models)
{
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? ifNoneMatch = null
    )
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await Client.SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/what-if")]
    [InlineData("/assets/app.css")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/v1/model")]
    [InlineData("/v1/registry")]
    [InlineData("/v1/monitoring/snapshots")]
    [InlineData("/v1/pipelines/runs")]
    public async Task Head_AGetRoute_AnsweredAsGet(string path)
    {
        using var get = await SendAsync(HttpMethod.Get, path);
        using var head = await SendAsync(HttpMethod.Head, path);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Head_APostRoute_StillMethodNotAllowed()
    {
        using var head = await SendAsync(HttpMethod.Head, "/v1/predict");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
    }

    [Theory]
    [InlineData("EXACT", HttpStatusCode.NotModified)]
    [InlineData("W/EXACT", HttpStatusCode.NotModified)]
    [InlineData("\"0000000000000000\", EXACT", HttpStatusCode.NotModified)]
    [InlineData("*", HttpStatusCode.NotModified)]
    [InlineData("\"0000000000000000\"", HttpStatusCode.OK)]
    [InlineData("not an entity tag", HttpStatusCode.OK)]
    public async Task Page_IfNoneMatch_ComparedAsRfc9110Says(string header, HttpStatusCode expected)
    {
        using var first = await SendAsync(HttpMethod.Get, "/");
        var etag = first.Headers.ETag!.Tag;

        using var again = await SendAsync(
            HttpMethod.Get,
            "/",
            header.Replace("EXACT", etag, StringComparison.Ordinal)
        );

        Assert.Equal(expected, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag!.Tag);
    }
}
