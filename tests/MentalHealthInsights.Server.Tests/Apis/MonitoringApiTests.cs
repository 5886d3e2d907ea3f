using System.Net;
using System.Text.Json;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Server.Apis;
using MentalHealthInsights.Server.Tests.Fixtures;
using MentalHealthInsights.TestSupport;
using Microsoft.Extensions.Configuration;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// GET /v1/monitoring/snapshots, /v1/monitoring/alerts and the /monitoring page against a real
/// SQLite monitoring store filled through its own API (and against no store at all).
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class MonitoringApiTests(TrainedModelFixture models) : IDisposable
{
    private readonly string _folder = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-dash-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    private string StorePath => Path.Combine(_folder, "monitoring.db");

    private ServerFactory Server() =>
        new(models.LrBundle, settings: new() { ["Monitoring:Store"] = StorePath });

    public void Dispose()
    {
        SqliteFiles.Release(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(
        HttpClient client,
        string path
    )
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ServerFactory.ReadJsonAsync(response));
    }

    [Fact]
    public void SharedMonitoringStore_MissingFileThenCreated_NullUntilItExistsThenOneStore()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["Monitoring:Store"] = StorePath }
            )
            .Build();
        var shared = new DashboardStores.SharedMonitoringStore(configuration);

        var before = shared.Get();
        var existedAfterFirstLook = File.Exists(StorePath);
        File.WriteAllBytes(StorePath, []);
        var stores = new IMonitoringStore?[64];
        Parallel.For(0, stores.Length, i => stores[i] = shared.Get());

        Assert.Null(before);
        Assert.False(existedAfterFirstLook);
        Assert.NotNull(stores[0]);
        Assert.All(stores, s => Assert.Same(stores[0], s));
    }

    [Fact]
    public async Task Snapshots_RepeatedRequests_ReadTheStoreOpenedOnce()
    {
        await DashboardData.FillMonitoringAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (first, firstJson) = await GetAsync(client, "/v1/monitoring/snapshots");
        var (second, secondJson) = await GetAsync(client, "/v1/monitoring/alerts");
        var (third, thirdJson) = await GetAsync(client, "/v1/monitoring/snapshots");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(HttpStatusCode.OK, third);
        Assert.Equal(firstJson.GetRawText(), thirdJson.GetRawText());
        Assert.True(secondJson.GetProperty("alerts").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Snapshots_NoStore_EmptyWithNoteAndNoFileCreated()
    {
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json) = await GetAsync(client, "/v1/monitoring/snapshots");
        var (alertsStatus, alerts) = await GetAsync(client, "/v1/monitoring/alerts");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, json.GetProperty("snapshots").GetArrayLength());
        Assert.Contains(
            "No monitoring runs yet",
            json.GetProperty("note").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.OK, alertsStatus);
        Assert.Equal(0, alerts.GetProperty("alerts").GetArrayLength());
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public async Task Snapshots_EmptyStore_EmptyWithNote()
    {
        // A store that exists but holds no runs yet (created by reading it once).
        await new Infrastructure.Monitoring.Store.SqliteMonitoringStore(
            new() { DatabasePath = StorePath }
        ).ListSnapshotsAsync(new(), CancellationToken.None);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json) = await GetAsync(client, "/v1/monitoring/snapshots");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, json.GetProperty("snapshots").GetArrayLength());
        Assert.Equal("No monitoring runs yet.", json.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Snapshots_FilledStore_OldestFirstWithMetricsVerdictsAndReport()
    {
        await DashboardData.FillMonitoringAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json) = await GetAsync(client, "/v1/monitoring/snapshots");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("note").ValueKind);
        var snapshots = json.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal(
            ["mon-1", "mon-2", "mon-3"],
            snapshots.Select(s => s.GetProperty("runId").GetString())
        );
        var last = snapshots[2];
        Assert.Equal(
            DashboardData.Day0.AddDays(3),
            last.GetProperty("windowEnd").GetDateTimeOffset()
        );
        var metrics = last.GetProperty("metrics");
        Assert.Equal(0.6, metrics.GetProperty("drift_share").GetDouble(), 12);
        Assert.Equal(1, metrics.GetProperty("dataset_drift").GetDouble());
        Assert.Equal(0.65, metrics.GetProperty("f1").GetDouble(), 12);
        Assert.Equal(1, metrics.GetProperty("f1_is_estimated").GetDouble());
        Assert.Equal(0.06, metrics.GetProperty("fairness_gap").GetDouble(), 12);
        Assert.Equal("drift", last.GetProperty("verdicts").GetProperty("Sleep_Hours").GetString());
        Assert.Equal("/reports/monitor-day3.html", last.GetProperty("reportPath").GetString());
        Assert.Equal("mental-health-classifier/3", last.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Snapshots_Limit_KeepsTheNewestWindows()
    {
        await DashboardData.FillMonitoringAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (_, json) = await GetAsync(client, "/v1/monitoring/snapshots?limit=2");

        Assert.Equal(
            ["mon-2", "mon-3"],
            json.GetProperty("snapshots")
                .EnumerateArray()
                .Select(s => s.GetProperty("runId").GetString())
        );
    }

    [Fact]
    public async Task Alerts_FilledStore_NewestWindowFirstWithStatusAndSeverity()
    {
        await DashboardData.FillMonitoringAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json) = await GetAsync(client, "/v1/monitoring/alerts");

        Assert.Equal(HttpStatusCode.OK, status);
        var alerts = json.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(
            ["f1-drop", "dataset-drift"],
            alerts.Select(a => a.GetProperty("rule").GetString())
        );
        Assert.Equal("suppressed", alerts[0].GetProperty("status").GetString());
        Assert.Equal("critical", alerts[0].GetProperty("severity").GetString());
        Assert.Equal(0.15, alerts[0].GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.1, alerts[0].GetProperty("threshold").GetDouble(), 12);
        Assert.Equal("fired", alerts[1].GetProperty("status").GetString());
        Assert.Equal("warning", alerts[1].GetProperty("severity").GetString());
        Assert.Equal("f1_drop > 0.1", alerts[0].GetProperty("condition").GetString());
    }

    [Theory]
    // Windows end on 2026-03-02, -03 and -04; "from" is inclusive, "to" exclusive.
    [InlineData("?from=2026-03-03&to=2026-03-04", new[] { "mon-2" }, new[] { "dataset-drift" })]
    [InlineData(
        "?from=2026-03-03T00:00:00Z",
        new[] { "mon-2", "mon-3" },
        new[] { "f1-drop", "dataset-drift" }
    )]
    [InlineData("?to=2026-03-03", new[] { "mon-1" }, new string[0])]
    [InlineData("?from=2026-03-04%2001:00", new string[0], new string[0])]
    public async Task List_TimeRange_OnlyWindowsEndingInIt(
        string query,
        string[] runs,
        string[] rules
    )
    {
        await DashboardData.FillMonitoringAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (snapshotStatus, snapshots) = await GetAsync(
            client,
            "/v1/monitoring/snapshots" + query
        );
        var (alertStatus, alerts) = await GetAsync(client, "/v1/monitoring/alerts" + query);

        Assert.Equal(HttpStatusCode.OK, snapshotStatus);
        Assert.Equal(HttpStatusCode.OK, alertStatus);
        Assert.Equal(
            runs,
            snapshots
                .GetProperty("snapshots")
                .EnumerateArray()
                .Select(s => s.GetProperty("runId").GetString())
        );
        Assert.Equal(
            rules,
            alerts
                .GetProperty("alerts")
                .EnumerateArray()
                .Select(a => a.GetProperty("rule").GetString())
        );
    }

    [Theory]
    [InlineData("/v1/monitoring/snapshots?from=yesterday", "from must be an ISO 8601 date")]
    [InlineData("/v1/monitoring/alerts?to=2026-02-30", "to must be an ISO 8601 date")]
    [InlineData("/v1/monitoring/alerts?to=03/04/2026", "to must be an ISO 8601 date")]
    [InlineData("/v1/monitoring/snapshots?from=2026-03-04&to=2026-03-03", "from must be before to")]
    [InlineData("/v1/monitoring/alerts?from=2026-03-03&to=2026-03-03", "from must be before to")]
    public async Task List_BadTimeRange_400ProblemSayingWhy(string path, string detail)
    {
        await DashboardData.FillMonitoringAsync(StorePath);
        await using var factory = Server();
        using var client = factory.CreateClient();

        var (status, json) = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(detail, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/monitoring/snapshots?limit=0")]
    [InlineData("/v1/monitoring/alerts?limit=10001")]
    [InlineData("/v1/monitoring/alerts?limit=abc")]
    public async Task List_BadLimit_400Problem(string path)
    {
        await using var factory = Server();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Snapshots_StoreIsNotADatabase_503ProblemWithoutThePath()
    {
        await File.WriteAllTextAsync(
            StorePath,
            "this is not a SQLite database, just text to be read"
        );
        await using var factory = Server();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(
            new Uri("/v1/monitoring/snapshots", UriKind.Relative)
        );
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Monitoring store unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitoringPage_Served_HasFramingNavChartsAndLocalScript()
    {
        await using var factory = Server();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/monitoring", UriKind.Relative));
        var script = await client.GetStringAsync(
            new Uri("/assets/monitoring.js", UriKind.Relative)
        );

        Assert.Contains("not a diagnosis", html, StringComparison.Ordinal);
        Assert.Contains(
            "<a href=\"/monitoring\" aria-current=\"page\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("href=\"/pipelines\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drift-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fairness-chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "http",
            html.Replace("http://www.w3.org", "", StringComparison.Ordinal)
                .Replace("http-equiv", "", StringComparison.Ordinal),
            StringComparison.Ordinal
        );
        Assert.Contains("/v1/monitoring/snapshots", script, StringComparison.Ordinal);
    }
}
