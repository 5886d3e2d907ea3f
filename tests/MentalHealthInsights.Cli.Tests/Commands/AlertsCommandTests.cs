using System.Text.Json;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class AlertsCommandTests
{
    [Fact]
    public async Task Check_NoConfig_ShowsTheDefaultPolicy()
    {
        var result = await CliHarness.RunAsync("alerts", "check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "f1-drop            critical when f1_drop > 0.05",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "cool-down 168 h; webhook: none (log only); retraining: off",
            result.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Check_InvalidConfig_ExitsTwoListingEveryProblem()
    {
        using var temp = new TempFolder();
        var path = temp.File("alerts.json");
        await File.WriteAllTextAsync(
            path,
            """{ "Alerts": { "Rules": [ { "Name": "a", "When": "f1_drop >> 1" } ], "Webhook": { "Url": "x" } } }"""
        );

        var result = await CliHarness.RunAsync("alerts", "check", "--config", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid alert configuration:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Alerts.Webhook.Url is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("Alerts: Rule 1 (\"a\"): When", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ValidConfigAsJson_PrintsThePolicy()
    {
        using var temp = new TempFolder();
        var path = temp.File("alerts.json");
        await File.WriteAllTextAsync(
            path,
            """{ "CoolDownHours": 6, "Rules": [ { "Name": "gap", "When": "fairness_gap>0.2", "Severity": "info" } ], "Webhook": { "Url": "https://example.org/h", "Format": "slack" } }"""
        );

        var result = await CliHarness.RunAsync("alerts", "check", "--config", path, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var rule = Assert.Single(json.RootElement.GetProperty("rules").EnumerateArray().ToList());
        Assert.Equal("fairness_gap > 0.2", rule.GetProperty("when").GetString());
        Assert.Equal("info", rule.GetProperty("severity").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("coolDownHours").GetDouble());
        Assert.Equal("slack", json.RootElement.GetProperty("webhook").GetString());
    }

    [Fact]
    public async Task List_StoreWithAlerts_PrintsNewestFirstAndFiltersByStatus()
    {
        using var temp = new TempFolder();
        var path = temp.File("monitoring.db");
        var store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = path }
        );
        var service = new AlertService(AlertPolicy.Default, store, [], null, TimeProvider.System);
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 3; day++)
        {
            await service.ProcessAsync(
                new MonitoringSnapshot(
                    $"run-{day}",
                    start.AddDays(day),
                    start.AddDays(day + 1),
                    start.AddDays(day + 1),
                    new Dictionary<string, double> { ["dataset_drift"] = 1 },
                    new Dictionary<string, string>(),
                    null,
                    null
                ),
                CancellationToken.None
            );
        }

        var all = await CliHarness.RunAsync("alerts", "list", "--store", path);
        var fired = await CliHarness.RunAsync(
            "alerts",
            "list",
            "--store",
            path,
            "--status",
            "fired",
            "--json"
        );

        Assert.Equal(0, all.ExitCode);
        var lines = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(
            "2025-03-04 00:00  suppressed warning  dataset-drift",
            lines[0],
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "2025-03-02 00:00  fired      warning  dataset-drift",
            lines[2],
            StringComparison.Ordinal
        );
        using var json = JsonDocument.Parse(fired.Output);
        var alert = Assert.Single(json.RootElement.GetProperty("alerts").EnumerateArray().ToList());
        Assert.Equal("run-0/dataset-drift", alert.GetProperty("alertId").GetString());
        Assert.Equal("new breach", alert.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task List_NoStore_ExitsTwoNamingThePath()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync("alerts", "list", "--store", temp.File("none.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no monitoring store at", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("none.db")));
    }

    [Fact]
    public async Task Check_DuplicateKey_ExitTwoNamingKeyAndFile()
    {
        using var temp = new TempFolder();
        var path = temp.File("alerts.json");
        await File.WriteAllTextAsync(
            path,
            """{ "Rules": [ { "Name": "a", "When": "f1_drop > 0.05", "When": "bogus" } ] }"""
        );

        var result = await CliHarness.RunAsync("alerts", "check", "--config", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"The alert configuration in '{path}' gives Rules[0].When twice",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task List_TrackingDatabaseAsStore_ExitTwoAndNoMonitoringTablesAdded()
    {
        using var temp = new TempFolder();
        var path = temp.File("mlruns.db");
        SqliteTables.Create(path, "experiments", "runs");

        var result = await CliHarness.RunAsync("alerts", "list", "--store", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"{path} is not a monitoring store",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.Equal(["experiments", "runs"], SqliteTables.List(path));
    }
}
