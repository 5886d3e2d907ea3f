using System.Net;
using System.Text;
using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// <c>mhi simulate --replay</c> end to end: a real <c>mhi serve</c> (child process on loopback)
/// with a SQLite prediction log, three simulated days replayed through its API with event times,
/// then <c>mhi monitor --current log</c> sees one daily window per simulated day.
/// </summary>
public sealed class SimulateReplayTests
{
    private const string AdminKey = "replay-test-admin-key";

    [Fact]
    public async Task Simulate_ReplayThreeDays_MonitorSeesThreeDailyWindowsWithTheirCounts()
    {
        using var temp = new TempFolder();
        var bundle = await CliHarness.TrainSmallLrBundleAsync(temp);
        var log = temp.File("predictions.db");
        using var stop = new CancellationTokenSource();
        var (serve, client) = await ServeCommandTests.StartServeAsync(
            bundle,
            [
                "--Admin:ApiKey=" + AdminKey,
                "--PredictionLog:ConnectionString=" + log,
                "--PredictionLog:PseudonymisationKey=a-test-key-of-32-bytes-long-0123",
            ],
            stop.Token
        );
        using var _ = client;

        // Without the admin key the event-time header is refused, and nothing is logged.
        using var unauthorised = await PostWithEventTimeAsync(client, apiKey: null);
        using var malformed = await PostWithEventTimeAsync(client, AdminKey, "yesterday");
        var replay = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "3",
            "--rows-per-day",
            "40",
            "--reference-rows",
            "400",
            "--label-delay",
            "1",
            "--seed",
            "3",
            "-o",
            temp.File("sim"),
            "--replay",
            $"http://127.0.0.1:{client.BaseAddress!.Port}",
            "--api-key",
            AdminKey,
            "--replay-batch",
            "15",
            "--json"
        );
        await stop.CancelAsync();
        await serve; // drains the prediction log queue

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True(replay.ExitCode == 0, replay.Error);
        Assert.Contains(
            "replay day 3/3 (2025-01-03): 40 predictions",
            replay.Error,
            StringComparison.Ordinal
        );
        using (var json = JsonDocument.Parse(replay.Output))
        {
            var totals = json.RootElement.GetProperty("replay");
            Assert.Equal(120, totals.GetProperty("predictions").GetInt64());
            Assert.Equal(0, totals.GetProperty("rejected").GetInt64());
            // Days 1 and 2's outcomes arrive on days 2 and 3; day 3's would arrive on day 4.
            Assert.Equal(80, totals.GetProperty("labels").GetInt64());
            Assert.Equal(80, totals.GetProperty("labelsAttached").GetInt64());
        }

        var monitor = await CliHarness.RunAsync(
            "monitor",
            "-r",
            temp.File("sim/reference.csv"),
            "-c",
            "log",
            "--prediction-log",
            log,
            "--model",
            bundle,
            "--from",
            "2025-01-01T00:00:00Z",
            "--to",
            "2025-01-04T00:00:00Z",
            "-o",
            temp.File("monitor"),
            "--no-track",
            "--no-alerts"
        );

        Assert.True(monitor.ExitCode == 0, monitor.Error);
        using var report = JsonDocument.Parse(
            await File.ReadAllTextAsync(temp.File("monitor/monitoring.json"))
        );
        var windows = report
            .RootElement.GetProperty("performance")
            .GetProperty("windows")
            .EnumerateArray()
            .Select(w =>
                (
                    Start: w.GetProperty("start").GetDateTimeOffset(),
                    Rows: w.GetProperty("rows").GetInt32(),
                    Labelled: w.GetProperty("labelledRows").GetInt32()
                )
            )
            .ToArray();
        Assert.Equal(
            [
                (new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), 40, 40),
                (new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), 40, 40),
                (new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero), 40, 0),
            ],
            windows
        );
    }

    [Fact]
    public async Task Simulate_ReplayToNoServer_OneLineErrorAndExitCode2()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "1",
            "--rows-per-day",
            "5",
            "--reference-rows",
            "10",
            "--label-delay",
            "0",
            "-o",
            temp.File("sim"),
            "--replay",
            $"http://127.0.0.1:{LoopbackPorts.Probe()}",
            "--api-key",
            AdminKey
        );

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        // One error line (after the generation's progress line), no stack trace.
        var error = Assert.Single(
            result.Error.Split('\n'),
            line => line.StartsWith("error:", StringComparison.Ordinal)
        );
        Assert.Contains("cannot be reached", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ReplayWithoutKey_UsageErrorBeforeGenerating()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "1",
            "--label-delay",
            "0",
            "-o",
            temp.File("sim"),
            "--replay",
            "http://127.0.0.1:9"
        );

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(SimulateCommandKeyVariable, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("sim")));
    }

    private const string SimulateCommandKeyVariable = "MHI_ADMIN_API_KEY";

    private static async Task<HttpResponseMessage> PostWithEventTimeAsync(
        HttpClient client,
        string? apiKey,
        string eventTime = "2024-06-01T12:00:00Z"
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/predict")
        {
            Content = new StringContent(
                "{\"Age\":30,\"Gender\":\"Male\",\"Occupation\":\"IT\",\"Country\":\"UK\",\"Consultation_History\":\"No\",\"Stress_Level\":\"High\",\"Sleep_Hours\":5,\"Work_Hours\":60,\"Physical_Activity_Hours\":0}",
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.Add("X-Event-Time", eventTime);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await client.SendAsync(request);
    }
}
