using System.Net;
using System.Text.Json;
using MentalHealthInsights.Server.Tests.Fixtures;
using MentalHealthInsights.TestSupport;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// GET /v1/pipelines/runs, /v1/pipelines/runs/{id} and the /pipelines page against a real
/// SQLite run store filled through its own API (and against no store at all).
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class PipelinesApiTests(TrainedModelFixture models) : IDisposable
{
    private readonly string _folder = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-dash-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    private string StorePath => Path.Combine(_folder, "pipelines.db");

    private ServerFactory Server() =>
        new(models.LrBundle, settings: new() { ["Pipelines:Store"] = "sqlite:///" + StorePath });

    public void Dispose()
    {
        SqliteTestFolder.Delete(_folder);
    }

    private static async Task<(
        HttpStatusCode Status,
        JsonElement Json,
        string? MediaType
    )> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (
            response.StatusCode,
            await ServerFactory.ReadJsonAsync(response),
            response.Content.Headers.ContentType?.MediaType
        );
    }

    /// <summary>A pipelines settings file naming its own run store (and job store), no schedule.</summary>
    private string SettingsWithRunStore(string runStorePath)
    {
        var path = Path.Combine(_folder, "mhi-pipelines.json");
        File.WriteAllText(
            path,
            JsonSerializer.Serialize(
                new Dictionary<string, object>
                {
                    ["runStore"] = "sqlite:///" + runStorePath,
                    ["scheduler"] = new Dictionary<string, object>
                    {
                        ["jobStore"] = "sqlite:///" + Path.Combine(_folder, "quartz.db"),
                    },
                }
            )
        );
        return path;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Runs_SettingsRunStoreWithoutPipelinesStore_ReadsTheSchedulersRunStore(
        bool schedulerEnabled
    )
    {
        var runStore = Path.Combine(_folder, "elsewhere", "runs.db");
        Directory.CreateDirectory(Path.GetDirectoryName(runStore)!);
        await DashboardData.FillPipelinesAsync(runStore);
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new()
            {
                ["Scheduling:Config"] = SettingsWithRunStore(runStore),
                ["Scheduling:Enabled"] = schedulerEnabled ? "true" : "false",
            }
        );
        using var client = factory.CreateClient();

        var (status, json, _) = await GetAsync(client, "/v1/pipelines/runs");
        var (detail, _, _) = await GetAsync(
            client,
            "/v1/pipelines/runs/" + DashboardData.CompletedRunId
        );

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [DashboardData.FailedRunId, DashboardData.CompletedRunId],
            json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString())
        );
        Assert.Equal(HttpStatusCode.OK, detail);
    }

    [Fact]
    public async Task Runs_UnreadableSettingsFileWithSchedulerOff_503WithoutDetails()
    {
        var settingsFile = Path.Combine(_folder, "broken.json");
        File.WriteAllText(settingsFile, """{ "runStore": "mysql://admin:hunter2@db/x" }""");
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new() { ["Scheduling:Config"] = settingsFile }
        );
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/pipelines/runs", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_NoStore_EmptyWithNoteAndNoFileCreated()
    {
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json, _) = await GetAsync(client, "/v1/pipelines/runs");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, json.GetProperty("runs").GetArrayLength());
        Assert.Contains(
            "No pipeline runs yet",
            json.GetProperty("note").GetString(),
            StringComparison.Ordinal
        );
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public async Task Runs_FilledStore_MostRecentFirstWithStateTriggerAndTimes()
    {
        await DashboardData.FillPipelinesAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json, _) = await GetAsync(client, "/v1/pipelines/runs");

        Assert.Equal(HttpStatusCode.OK, status);
        var runs = json.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(
            [DashboardData.FailedRunId, DashboardData.CompletedRunId],
            runs.Select(r => r.GetProperty("id").GetString())
        );
        Assert.Equal("failed", runs[0].GetProperty("state").GetString());
        Assert.Equal("alert", runs[0].GetProperty("trigger").GetString());
        Assert.True(runs[0].GetProperty("finished").GetBoolean());
        Assert.Equal("step train failed", runs[0].GetProperty("error").GetString());
        Assert.Equal("completed", runs[1].GetProperty("state").GetString());
        Assert.Equal("schedule", runs[1].GetProperty("trigger").GetString());
        Assert.Equal(
            DashboardData.Day0.AddSeconds(1),
            runs[1].GetProperty("startedAt").GetDateTimeOffset()
        );
        Assert.Equal(
            DashboardData.Day0.AddSeconds(1).AddMinutes(3),
            runs[1].GetProperty("endedAt").GetDateTimeOffset()
        );
        Assert.Equal(
            "data/train.csv",
            runs[1].GetProperty("parameters").GetProperty("data").GetString()
        );
    }

    [Fact]
    public async Task Runs_Limit_KeepsTheMostRecent()
    {
        await DashboardData.FillPipelinesAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (_, json, _) = await GetAsync(client, "/v1/pipelines/runs?limit=1");

        Assert.Equal(
            DashboardData.FailedRunId,
            json.GetProperty("runs")[0].GetProperty("id").GetString()
        );
        Assert.Equal(1, json.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task Run_KnownId_StepsInOrderWithStateAttemptsErrorAndLinks()
    {
        await DashboardData.FillPipelinesAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, failed, _) = await GetAsync(
            client,
            "/v1/pipelines/runs/" + DashboardData.FailedRunId
        );
        var (_, completed, _) = await GetAsync(
            client,
            "/v1/pipelines/runs/" + DashboardData.CompletedRunId
        );

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            DashboardData.FailedRunId,
            failed.GetProperty("run").GetProperty("id").GetString()
        );
        var steps = failed.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(
            ["ingest", "train", "register"],
            steps.Select(s => s.GetProperty("name").GetString())
        );
        Assert.Equal(
            ["cached", "failed", "skipped"],
            steps.Select(s => s.GetProperty("state").GetString())
        );
        Assert.Equal([0, 2, 0], steps.Select(s => s.GetProperty("attempts").GetInt32()));
        Assert.Equal("training data has 0 rows", steps[1].GetProperty("error").GetString());
        Assert.Equal("cached: unchanged inputs", steps[0].GetProperty("message").GetString());
        var link = completed.GetProperty("steps")[1].GetProperty("links")[0];
        Assert.Equal("tracking-run", link.GetProperty("kind").GetString());
        Assert.Equal("run-123", link.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_UnknownId_404Problem(bool storeExists)
    {
        if (storeExists)
        {
            await DashboardData.FillPipelinesAsync(StorePath);
        }
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json, mediaType) = await GetAsync(
            client,
            "/v1/pipelines/runs/0123456789abcdef0123456789abcdef"
        );

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("Pipeline run not found.", json.GetProperty("title").GetString());
        Assert.Equal(storeExists, File.Exists(StorePath));
    }

    [Fact]
    public async Task Runs_BadLimit_400Problem()
    {
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, _, mediaType) = await GetAsync(client, "/v1/pipelines/runs?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
    }

    [Fact]
    public async Task Runs_UnsupportedStoreLocation_503ProblemWithoutTheLocation()
    {
        await using var factory = new ServerFactory(
            models.LrBundle,
            settings: new() { ["Pipelines:Store"] = "mysql://secret-user:secret-pass@db/x" }
        );
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/pipelines/runs", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinesPage_Served_HasFramingNavAndPollingScript()
    {
        await using var factory = Server();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/pipelines", UriKind.Relative));
        var script = await client.GetStringAsync(new Uri("/assets/pipelines.js", UriKind.Relative));

        Assert.Contains("not a diagnosis", html, StringComparison.Ordinal);
        Assert.Contains(
            "<a href=\"/pipelines\" aria-current=\"page\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("href=\"/monitoring\"", html, StringComparison.Ordinal);
        Assert.Contains("setInterval", script, StringComparison.Ordinal);
        Assert.Contains("/v1/pipelines/runs", script, StringComparison.Ordinal);
    }
}
