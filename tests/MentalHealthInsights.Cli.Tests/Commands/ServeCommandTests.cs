using System.Net;
using System.Text;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// <c>mhi serve</c> for real: the server child process from server/ beside mhi, on a free
/// loopback port, stopped by cancelling the command (as Ctrl-C does).
/// </summary>
public sealed class ServeCommandTests
{
    // The Cli project's own output (the copy into server/ happens there, not in this test
    // project's output): src/MentalHealthInsights.Cli/bin/CONFIGURATION/net10.0/server/.
    internal static string ServerPath
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var root = output;
            while (!File.Exists(Path.Combine(root.FullName, "MentalHealthInsights.slnx")))
            {
                root = root.Parent!;
            }
            return Path.Combine(
                root.FullName,
                "src",
                "MentalHealthInsights.Cli",
                "bin",
                configuration,
                framework,
                "server",
                "MentalHealthInsights.Server.dll"
            );
        }
    }

    [Fact]
    public async Task Serve_Bundle_AnswersPredictionsAndStopsOnCancel()
    {
        using var temp = new TempFolder();
        var bundle = await CliHarness.TrainSmallLrBundleAsync(temp);
        using var stop = new CancellationTokenSource();
        var (serve, client) = await StartServeAsync(
            bundle,
            ["--PredictionLog:Enabled=false"],
            stop.Token
        );
        using var _ = client;
        using var prediction = await client.PostAsync(
            new Uri("/v1/predict", UriKind.Relative),
            new StringContent(
                "{\"Age\":30,\"Gender\":\"Male\",\"Occupation\":\"IT\",\"Country\":\"UK\",\"Consultation_History\":\"No\",\"Stress_Level\":\"High\",\"Sleep_Hours\":5,\"Work_Hours\":60,\"Physical_Activity_Hours\":0}",
                Encoding.UTF8,
                "application/json"
            )
        );
        await stop.CancelAsync();
        var exitCode = await serve;

        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
        Assert.Equal(ExitCodes.Cancelled, exitCode);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            client.GetAsync(new Uri("/health/live", UriKind.Relative))
        );
    }

    [Fact]
    public async Task Serve_LogOnWithoutKey_ServerRefusesAndExitCodeIs2()
    {
        var result = await CliHarness.RunAsync(
            "serve",
            "--model",
            "/nonexistent/bundle",
            "--urls",
            $"http://127.0.0.1:{LoopbackPorts.Probe()}",
            "--server-path",
            ServerPath,
            "--PredictionLog:PseudonymisationKey=short"
        );

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
    }

    [Fact]
    public async Task Serve_SchedulerWithBadPipelinesConfig_ServerRefusesAndExitCodeIs2()
    {
        using var temp = new TempFolder();
        var config = temp.File("pipelines.json");
        await File.WriteAllTextAsync(
            config,
            """{ "schedules": [ { "name": "x", "pipeline": "nope", "cron": "* * * * * ?" } ] }"""
        );

        // Without --scheduler the settings file is never read: the refusal proves both flags
        // reach the server (Scheduling:Enabled and Scheduling:Config).
        var result = await CliHarness.RunAsync(
            "serve",
            "--model",
            "/nonexistent/bundle",
            "--urls",
            $"http://127.0.0.1:{LoopbackPorts.Probe()}",
            "--server-path",
            ServerPath,
            "--PredictionLog:Enabled=false",
            "--scheduler",
            "--pipelines-config",
            config
        );

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
    }

    [Fact]
    public async Task Serve_ServerMissing_ClearErrorAndExitCode3()
    {
        var result = await CliHarness.RunAsync("serve", "--server-path", "/nonexistent/server.dll");

        Assert.Equal(ExitCodes.InternalError, result.ExitCode);
        Assert.Contains("is missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerFolder_BuiltBesideMhi()
    {
        Assert.True(File.Exists(ServerPath), ServerPath);
    }

    /// <summary>
    /// <c>mhi serve</c> on a probed free port once it is ready, with a client for it. A serve that exits before it is ready — the port was taken between the
    /// probe and the bind — is started again on a new port (<see cref="LoopbackPorts"/>).
    /// </summary>
    /// <param name="bundle">The model bundle to serve.</param>
    /// <param name="settings">More <c>mhi serve</c> arguments (server settings).</param>
    /// <param name="stop">Stops the server.</param>
    internal static async Task<(Task<int> Serve, HttpClient Client)> StartServeAsync(
        string bundle,
        IReadOnlyList<string> settings,
        CancellationToken stop
    )
    {
        var started = await LoopbackPorts.StartAsync(async port =>
        {
            var task = MhiCommandLine.InvokeAsync(
                [
                    "serve",
                    "--model",
                    bundle,
                    "--urls",
                    $"http://127.0.0.1:{port}",
                    "--server-path",
                    ServerPath,
                    .. settings,
                ],
                CliEnvironment.Plain,
                new System.CommandLine.InvocationConfiguration
                {
                    Output = TextWriter.Null,
                    Error = TextWriter.Null,
                },
                stop
            );
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            if (await WaitReadyAsync(client, task))
            {
                return Tuple.Create(task, client);
            }

            client.Dispose();
            return null;
        });
        return started.ToValueTuple();
    }

    /// <summary>True once /health/ready answers; false when <paramref name="serve"/> exits first.</summary>
    private static async Task<bool> WaitReadyAsync(HttpClient client, Task<int> serve)
    {
        for (var i = 0; i < 600; i++)
        {
            if (serve.IsCompleted)
            {
                return false;
            }

            if (await ReadinessProbe.IsReadyAsync(client))
            {
                return true;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("mhi serve did not become ready within 60 s.");
    }
}
