using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>`mhi monitor` feeding the alert service: --store, --alerts, --no-alerts and the output.</summary>
public sealed class MonitorCommandAlertsTests
{
    private static async Task<string> GenerateAsync(
        TempFolder temp,
        string name,
        int rows,
        int seed
    )
    {
        var path = temp.File(name);
        var result = await CliHarness.RunAsync(
            "data",
            "generate",
            "--rows",
            rows.ToString(CultureInfo.InvariantCulture),
            "--seed",
            seed.ToString(CultureInfo.InvariantCulture),
            "--out",
            path
        );
        Assert.Equal(0, result.ExitCode);
        return path;
    }

    private static string Policy(TempFolder temp, string rules)
    {
        var path = temp.File("alerts.json");
        File.WriteAllText(path, "{ \"Alerts\": { \"Rules\": [" + rules + "] } }");
        return path;
    }

    private static Task<CliResult> MonitorAsync(
        string reference,
        string current,
        string output,
        params string[] extra
    ) =>
        CliHarness.RunAsync([
            "monitor",
            "-r",
            reference,
            "-c",
            current,
            "-o",
            output,
            "--no-track",
            .. extra,
        ]);

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection(
            $"Data Source={database};Mode=ReadOnly;Pooling=False"
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = (long)command.ExecuteScalar()!;
        return value;
    }

    [Fact]
    public async Task Monitor_BreachedRule_FiresThenSuppressesWithinCoolDown()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1200, 1);
        var current = await GenerateAsync(temp, "cur.csv", 400, 2);
        var policy = Policy(temp, "{ \"Name\": \"rows\", \"When\": \"rows_current >= 400\" }");
        var store = temp.File("state/monitoring.db");

        var first = await MonitorAsync(
            reference,
            current,
            temp.File("out1"),
            "--store",
            store,
            "--alerts",
            policy,
            "--json"
        );
        var second = await MonitorAsync(
            reference,
            current,
            temp.File("out2"),
            "--store",
            store,
            "--alerts",
            policy,
            "--json"
        );

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        using var firstJson = JsonDocument.Parse(first.Output);
        using var secondJson = JsonDocument.Parse(second.Output);
        var firstAlert = Assert.Single(
            firstJson.RootElement.GetProperty("alerts").GetProperty("alerts").EnumerateArray()
        );
        Assert.Equal("fired", firstAlert.GetProperty("status").GetString());
        Assert.Equal("rows", firstAlert.GetProperty("rule").GetString());
        Assert.Equal(400, firstAlert.GetProperty("value").GetDouble());
        var delivery = Assert.Single(
            firstJson.RootElement.GetProperty("alerts").GetProperty("deliveries").EnumerateArray()
        );
        Assert.Equal("log", delivery.GetProperty("channel").GetString());
        Assert.True(delivery.GetProperty("delivered").GetBoolean());
        Assert.Contains("[6001]", first.Error, StringComparison.Ordinal);
        var secondAlert = Assert.Single(
            secondJson.RootElement.GetProperty("alerts").GetProperty("alerts").EnumerateArray()
        );
        Assert.Equal("suppressed", secondAlert.GetProperty("status").GetString());
        Assert.Equal(2, Count(store, "SELECT COUNT(*) FROM snapshots"));
        Assert.Equal(2, Count(store, "SELECT COUNT(*) FROM alerts"));
    }

    /// <summary>
    /// Five current rows: no column has the 30 rows a drift test needs, so drift_share is absent
    /// and a rule on it cannot fire (it fired on one row before); --drift-min-rows lowers the floor.
    /// </summary>
    [Theory]
    [InlineData(null, 0)]
    [InlineData("1", 1)]
    public async Task Monitor_AFewRows_DriftNotTestedAndNoAlertUnlessTheFloorIsLowered(
        string? minRows,
        int fired
    )
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1200, 1);
        var current = await GenerateAsync(temp, "cur.csv", 5, 2);
        var policy = Policy(temp, "{ \"Name\": \"any-drift\", \"When\": \"drift_share >= 0\" }");

        var result = await MonitorAsync(
            reference,
            current,
            temp.File("out"),
            [
                "--alerts",
                policy,
                .. (minRows is null ? Array.Empty<string>() : ["--drift-min-rows", minRows]),
            ]
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Alerts: {fired} fired", result.Output, StringComparison.Ordinal);
        Assert.Equal(
            minRows is null,
            result.Output.Contains("Drift not tested", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Monitor_DefaultPolicyNoTrack_StoresSnapshotInOutputFolder()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1200, 1);
        var current = await GenerateAsync(temp, "cur.csv", 400, 2);

        var result = await MonitorAsync(reference, current, temp.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Alerts: 0 fired, 0 suppressed", result.Output, StringComparison.Ordinal);
        var database = temp.File("out/monitoring.db");
        Assert.Equal(1, Count(database, "SELECT COUNT(*) FROM snapshots"));
        // Key metrics, including the per-feature drift flags, are kept for trends.
        Assert.Equal(
            1,
            Count(
                database,
                "SELECT COUNT(*) FROM snapshot_metrics WHERE key = 'column_drift_Sleep_Hours'"
            )
        );
        Assert.Equal(
            1,
            Count(database, "SELECT COUNT(*) FROM snapshot_verdicts WHERE subject = 'dataset'")
        );
    }

    [Fact]
    public async Task Monitor_FromTo_FilesSnapshotUnderThatWindow()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1200, 1);
        var current = await GenerateAsync(temp, "cur.csv", 400, 2);

        var result = await MonitorAsync(
            reference,
            current,
            temp.File("out"),
            "--from",
            "2025-03-03",
            "--to",
            "2025-03-04"
        );

        Assert.Equal(0, result.ExitCode);
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var end = new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(
            1,
            Count(
                temp.File("out/monitoring.db"),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"SELECT COUNT(*) FROM snapshots WHERE window_start = {start} AND window_end = {end}"
                )
            )
        );
    }

    [Fact]
    public async Task Monitor_NoAlerts_WritesNoStoreAndNoAlertsNode()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 600, 1);

        var result = await MonitorAsync(
            reference,
            reference,
            temp.File("out"),
            "--no-alerts",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("alerts").ValueKind);
        Assert.False(File.Exists(temp.File("out/monitoring.db")));
    }

    [Theory]
    [InlineData("{ \"Name\": \"x\", \"When\": \"column_drift_Nope > 0\" }", "column_drift_Nope")]
    [InlineData("{ \"Name\": \"x\", \"When\": \"f1_dorp > 0.05\" }", "f1_dorp")]
    public async Task Monitor_BadPolicy_ExitsInvalidDataAsAlertsCheckBeforeAnyWork(
        string rule,
        string expected
    )
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 300, 1);

        var result = await MonitorAsync(
            reference,
            reference,
            temp.File("out"),
            "--alerts",
            Policy(temp, rule)
        );
        var check = await CliHarness.RunAsync("alerts", "check", "--config", Policy(temp, rule));

        // A broken policy file is unusable input (2), in mhi monitor as in mhi alerts check.
        Assert.Equal(2, check.ExitCode);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("out/monitoring-report.html")));
    }

    [Fact]
    public async Task Monitor_ColumnDriftRule_FiresOnTheDriftedFeatureOnly()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1500, 1);
        var simulate = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "1",
            "--scenario",
            "stress-spike",
            "--drift-start",
            "1",
            "--label-delay",
            "0",
            "--rows-per-day",
            "1000",
            "--out",
            temp.File("sim")
        );
        Assert.Equal(0, simulate.ExitCode);
        var policy = Policy(
            temp,
            "{ \"Name\": \"stress\", \"When\": \"column_drift_Stress_Level == 1\" },"
                + "{ \"Name\": \"sleep\", \"When\": \"column_drift_Sleep_Hours == 1\" }"
        );

        var result = await MonitorAsync(
            reference,
            temp.File("sim/days/day-001.csv"),
            temp.File("out"),
            "--alerts",
            policy,
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            1,
            json.RootElement.GetProperty("keyMetrics")
                .GetProperty("column_drift_Stress_Level")
                .GetDouble()
        );
        var alert = Assert.Single(
            json.RootElement.GetProperty("alerts").GetProperty("alerts").EnumerateArray()
        );
        Assert.Equal("stress", alert.GetProperty("rule").GetString());
    }

    [Fact]
    public void ResolveStorePath_Precedence_OptionThenOutputFolder()
    {
        var output = Path.Combine(Path.GetTempPath(), "mhi-out");

        Assert.Equal(
            Path.GetFullPath("x/m.db"),
            MonitorCommand.ResolveStorePath("x/m.db", null, true, output)
        );
        if (Environment.GetEnvironmentVariable(AlertsCommand.StoreVariable) is null)
        {
            Assert.Equal(
                Path.Combine(output, "monitoring.db"),
                MonitorCommand.ResolveStorePath(null, null, false, output)
            );
        }
    }
}
