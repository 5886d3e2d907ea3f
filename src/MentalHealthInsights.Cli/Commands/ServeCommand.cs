using System.CommandLine;
using System.Diagnostics;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi serve</c>: starts the web server (API, pages, metrics) as a child process — the Server
/// project ships beside mhi in <c>server/</c>, so the CLI and the server never reference each
/// other's code (DESIGN.md §2). Flags become the server's configuration keys, unknown flags pass
/// through (e.g. <c>--Serving:MaxBatchRecords=500</c>), the environment is inherited, Ctrl-C or
/// SIGTERM stop the server gracefully (its stdin pipe is closed), and its exit code is returned.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The server's entry assembly inside <see cref="ServerFolder"/>.</summary>
    public const string ServerAssembly = "MentalHealthInsights.Server.dll";

    /// <summary>Where the build puts the server, relative to mhi.</summary>
    public const string ServerFolder = "server";

    /// <summary>How long a stopping server may take before it is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    public static Command Create(CliEnvironment environment)
    {
        _ = environment;
        var model = new Option<string?>("--model")
        {
            Description =
                "models:/NAME@ALIAS, models:/NAME/VERSION, or a bundle folder/.mhib (default: models:/mental-health-classifier@champion)",
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var trackingUri = TrackingConnection.UriOption();
        var log = new Option<string?>("--prediction-log")
        {
            Description =
                "Prediction log: sqlite:///PATH or PATH (default: predictions.db), or PostgreSQL (postgresql://… or Host=…)",
        };
        var watch = new Option<string?>("--watch-interval")
        {
            Description =
                "Reload when the reference names another bundle, checked this often (e.g. 00:00:30)",
        };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON settings file (below environment variables and flags)",
        };
        var scheduler = new Option<bool>("--scheduler")
        {
            Description =
                "Also run scheduled and queued pipelines in the server, as mhi worker does (Scheduling:Enabled; off by default)",
        };
        var pipelinesConfig = new Option<string?>("--pipelines-config")
        {
            Description =
                "Pipelines settings file for --scheduler (default: MHI_PIPELINES_CONFIG, else ./mhi-pipelines.json if present)",
        };
        var server = new Option<string?>("--server-path")
        {
            Description =
                "The server assembly to run (default: server/MentalHealthInsights.Server.dll beside mhi)",
        };
        var command = new Command(
            "serve",
            "Serve the model: prediction API, web pages, /metrics (a screening aid, not a diagnosis)"
        )
        {
            model,
            urls,
            trackingUri,
            log,
            watch,
            config,
            scheduler,
            pipelinesConfig,
            server,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var assembly =
                        parseResult.GetValue(server)
                        ?? Path.Combine(AppContext.BaseDirectory, ServerFolder, ServerAssembly);
                    if (!File.Exists(assembly))
                    {
                        throw new CommandFailure(
                            ExitCodes.InternalError,
                            $"the server is not installed beside mhi ({assembly} is missing); rebuild the Cli project."
                        );
                    }
                    var arguments = new List<string>
                    {
                        "exec",
                        assembly,
                        "--urls",
                        parseResult.GetRequiredValue(urls),
                        "--Hosting:StopWhenStdinCloses=true",
                    };
                    Forward(arguments, "--model", parseResult.GetValue(model));
                    Forward(arguments, "--tracking-uri", parseResult.GetValue(trackingUri));
                    Forward(arguments, "--prediction-log", parseResult.GetValue(log));
                    Forward(arguments, "--watch-interval", parseResult.GetValue(watch));
                    Forward(arguments, "--config", parseResult.GetValue(config));
                    if (parseResult.GetValue(scheduler))
                    {
                        arguments.Add("--Scheduling:Enabled=true");
                    }
                    Forward(arguments, "--pipelines-config", parseResult.GetValue(pipelinesConfig));
                    arguments.AddRange(parseResult.UnmatchedTokens);
                    return await RunAsync(arguments, io, cancellationToken);
                }
            )
        );
        return command;
    }

    private static void Forward(List<string> arguments, string flag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments.Add(flag);
            arguments.Add(value);
        }
    }

    private static async Task<int> RunAsync(
        List<string> arguments,
        CommandIo io,
        CancellationToken cancellationToken
    )
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            // stdin is our stop signal; stdout/stderr (the JSON logs) go straight to the terminal.
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process =
            Process.Start(start)
            ?? throw new CommandFailure(
                ExitCodes.InternalError,
                "the server could not be started."
            );
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await io.Error.WriteLineAsync("stopping the server…");
            process.StandardInput.Close();
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
            throw;
        }
    }

    // The dotnet host running mhi runs the server too (same runtime, no PATH lookup).
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path
        && Path.GetFileNameWithoutExtension(path)
            .Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : Path.Combine(
                Path.GetDirectoryName(typeof(object).Assembly.Location)!,
                "..",
                "..",
                "..",
                "dotnet"
            );
}
