using System.Net;
using System.Text.Json;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Hosting;

/// <summary>
/// Routing's own answers — 404 for a path nothing serves, 405 for a method a route does not
/// take — are problem documents with a detail saying what is wrong (the framework's had none);
/// a client whose Accept takes no JSON still gets the framework's plain text.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class RoutingProblemsTests(TrainedModelFixture models) : ReadyServerTests(models)
{
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? accept = null
    )
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }
        return await Client.SendAsync(request);
    }

    [Theory]
    [InlineData("/v2/predict", null)]
    [InlineData("/nothing/here", "application/json")]
    [InlineData("/assets/missing.css", "application/problem+json")]
    public async Task UnknownPath_404ProblemPointingToTheOpenApiDocument(
        string path,
        string? accept
    )
    {
        using var response = await SendAsync(HttpMethod.Get, path, accept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Not Found", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "Nothing is found at this path; the API's endpoints are listed in /openapi/v1.json.",
            problem.RootElement.GetProperty("detail").GetString()
        );
    }

    [Theory]
    [InlineData("GET", "/v1/predict", "POST")]
    [InlineData("DELETE", "/v1/labels", "POST")]
    [InlineData("PUT", "/v1/model", "GET, HEAD")]
    public async Task MethodNotTaken_405ProblemListingTheAllowedMethods(
        string method,
        string path,
        string allowed
    )
    {
        using var response = await SendAsync(new HttpMethod(method), path, "application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(405, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(
            $"{method} is not allowed at this path; allowed: {allowed}.",
            problem.RootElement.GetProperty("detail").GetString()
        );
    }

    /// <summary>A browser's Accept (no JSON) keeps the framework's plain-text answer.</summary>
    [Theory]
    [InlineData("GET", "/nothing/here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/predict", HttpStatusCode.MethodNotAllowed)]
    public async Task HtmlAccept_FrameworkPlainTextKept(
        string method,
        string path,
        HttpStatusCode status
    )
    {
        using var response = await SendAsync(new HttpMethod(method), path, "text/html");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(
            $"Status Code: {(int)status}",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }
}
