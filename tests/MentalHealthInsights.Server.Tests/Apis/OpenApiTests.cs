using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// The OpenAPI document is committed (docs/openapi/v1.json) so API changes show in diffs; this
/// test fails when the served document differs. Set MHI_UPDATE_OPENAPI=1 to rewrite the file.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class OpenApiTests(TrainedModelFixture models)
{
    private static string CommittedPath =>
        Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");

    [Fact]
    public async Task OpenApi_Served_MatchesTheCommittedDocument()
    {
        await using var factory = new ServerFactory(models.LrBundle);
        using var client = factory.CreateClient();

        var served = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var normalised =
            JsonNode.Parse(served)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true })
            + "\n";
        if (Environment.GetEnvironmentVariable("MHI_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            await File.WriteAllTextAsync(CommittedPath, normalised);
        }
        Assert.True(
            File.Exists(CommittedPath),
            "docs/openapi/v1.json is missing: run the tests once with MHI_UPDATE_OPENAPI=1."
        );
        Assert.Equal(await File.ReadAllTextAsync(CommittedPath), normalised);
        var document = JsonNode.Parse(served)!;
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (
            var path in new[]
            {
                "/v1/predict",
                "/v1/predict/batch",
                "/v1/model",
                "/v1/what-if",
                "/v1/labels",
                "/v1/admin/reload",
                "/health/ready",
            }
        )
        {
            Assert.NotNull(document["paths"]![path]);
        }
    }

    /// <summary>
    /// Statuses the server answers (each exercised by a test of its endpoint) that the document
    /// used to omit: 503 before a model loads, 415 for a body that is not JSON, 409 labels with
    /// the log off, 422 a reload whose bundle fails, 429 everywhere the rate limiter runs.
    /// </summary>
    [Theory]
    [InlineData("post", "/v1/predict", "503")]
    [InlineData("post", "/v1/predict/batch", "503")]
    [InlineData("post", "/v1/what-if", "503")]
    [InlineData("post", "/v1/what-if", "415")]
    [InlineData("get", "/v1/model", "503")]
    [InlineData("get", "/v1/model", "429")]
    [InlineData("get", "/v1/registry", "429")]
    [InlineData("get", "/health/ready", "503")]
    [InlineData("post", "/v1/labels", "409")]
    [InlineData("post", "/v1/labels", "415")]
    [InlineData("post", "/v1/labels", "429")]
    [InlineData("post", "/v1/admin/reload", "422")]
    [InlineData("post", "/v1/admin/reload", "429")]
    public async Task OpenApi_Committed_ListsEveryStatusTheEndpointAnswers(
        string method,
        string path,
        string status
    )
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;

        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();

        Assert.True(responses.ContainsKey(status), $"{method} {path} does not list {status}");
    }

    [Fact]
    public async Task Docs_ScalarPage_ServedWithLocalScriptOnly()
    {
        await using var factory = new ServerFactory(models.LrBundle);
        using var client = factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/docs/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.Ordinal);
        var script = System
            .Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"")
            .Groups[1]
            .Value;
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), script);
        using var js = await client.GetAsync(new Uri(new Uri("http://localhost/docs/"), script));
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            folder is not null
            && !File.Exists(Path.Combine(folder.FullName, "MentalHealthInsights.slnx"))
        )
        {
            folder = folder.Parent;
        }
        return folder?.FullName
            ?? throw new InvalidOperationException("Repository root not found.");
    }
}
