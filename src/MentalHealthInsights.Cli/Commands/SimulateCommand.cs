using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Monitoring.Simulation;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi simulate</c>: a production-like stream of daily batches with a planted drift and
/// delayed labels, for monitoring demos and tests (docs/alerts-and-simulation.md); with --replay
/// the days also go through a running server's API into its prediction log.
/// </summary>
internal static partial class SimulateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var days = CommonOptions.AtLeast("--days", "Days to simulate (1-3650)", 30, 1);
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder (reference.csv, days/, labels/, simulation.json)",
            Required = true,
        };
        var scenario = new Option<string>("--scenario")
        {
            Description = "The planted drift: " + string.Join(", ", SimulationScenarioNames.All),
            DefaultValueFactory = _ => "stable",
        };
        scenario.AcceptOnlyFromAmong([.. SimulationScenarioNames.All]);
        var driftStart = CommonOptions.AtLeast(
            "--drift-start",
            "First drifted day (1-based)",
            10,
            1
        );
        var labelDelay = CommonOptions.AtLeast(
            "--label-delay",
            "Days until a batch's outcomes arrive (0: same day)",
            3,
            0
        );
        var rowsPerDay = CommonOptions.AtLeast("--rows-per-day", "Rows per daily batch", 1000, 1);
        var referenceRows = CommonOptions.AtLeast(
            "--reference-rows",
            "Rows of the undrifted reference (training) sample",
            5000,
            1
        );
        var replay = new Option<string?>("--replay")
        {
            Description =
                "Also replay each day through a running `mhi serve` at this URL into its prediction log (labels as they arrive)",
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description =
                "The server's admin API key for --replay (default: "
                + ApiKeyVariable
                + "; prefer the variable, command lines are visible to other users)",
        };
        var replayBatch = CommonOptions.AtLeast(
            "--replay-batch",
            "Records per POST /v1/predict/batch (at most the server's Serving:MaxBatchRecords)",
            500,
            1
        );
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command(
            "simulate",
            "Generate daily batches with a planted drift and delayed labels (for monitoring)"
        )
        {
            days,
            output,
            scenario,
            driftStart,
            labelDelay,
            rowsPerDay,
            referenceRows,
            replay,
            apiKey,
            replayBatch,
            seed,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    // The option accepts only the listed names, so parsing cannot fail here.
                    var chosen = SimulationScenarioNames.TryParse(
                        parseResult.GetRequiredValue(scenario),
                        out var parsed
                    )
                        ? parsed
                        : SimulationScenario.Stable;
                    var dayCount = parseResult.GetValue(days);
                    // A default the user did not choose follows a short run (--days 2 with the
                    // default label delay of 3 used to be refused); one given is checked as is.
                    int Capped(Option<int> option) =>
                        parseResult.GetResult(option) is { Implicit: false }
                            ? parseResult.GetValue(option)
                            : Math.Min(parseResult.GetValue(option), Math.Max(1, dayCount));
                    var options = new SimulationOptions
                    {
                        Days = dayCount,
                        RowsPerDay = parseResult.GetValue(rowsPerDay),
                        Scenario = chosen,
                        DriftStartDay = Capped(driftStart),
                        LabelDelayDays = Capped(labelDelay),
                        ReferenceRows = parseResult.GetValue(referenceRows),
                        Seed = parseResult.GetValue(seed),
                    };
                    var problems = options.FindProblems();
                    if (problems.Count > 0)
                    {
                        throw new CommandFailure(ExitCodes.Usage, string.Join(" ", problems));
                    }
                    var server = parseResult.GetValue(replay) is { } url ? ReplayUri(url) : null;
                    var key =
                        parseResult.GetValue(apiKey)
                        ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
                    if (server is not null && string.IsNullOrEmpty(key))
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            $"--replay needs the server's admin API key: set {ApiKeyVariable} (or --api-key)."
                        );
                    }
                    var folder = Path.GetFullPath(parseResult.GetRequiredValue(output));
                    var simulator = new MonitoringSimulator(options);
                    var manifest = await ProgressDisplay.RunAsync(
                        environment,
                        io,
                        "simulate",
                        (progress, ct) => WriteAll(simulator, folder, progress, ct),
                        cancellationToken
                    );
                    ReplayTotals? replayed = server is null
                        ? null
                        : await ReplayAsync(
                            simulator,
                            server,
                            key!,
                            parseResult.GetValue(replayBatch),
                            io.Error,
                            cancellationToken
                        );
                    if (parseResult.GetValue(json))
                    {
                        var node = new JsonObject
                        {
                            ["folder"] = folder,
                            ["manifest"] = Path.Combine(folder, ManifestFile),
                            ["scenario"] = SimulationScenarioNames.Name(options.Scenario),
                            ["days"] = options.Days,
                            ["rows"] = manifest,
                        };
                        if (replayed is { } r)
                        {
                            node["replay"] = new JsonObject
                            {
                                ["server"] = server!.AbsoluteUri,
                                ["predictions"] = r.Predictions,
                                ["rejected"] = r.Rejected,
                                ["labels"] = r.Labels,
                                ["labelsAttached"] = r.LabelsAttached,
                            };
                        }
                        await io.Output.WriteLineAsync(JsonOutput.Format(node));
                    }
                    else
                    {
                        var drift =
                            options.Scenario == SimulationScenario.Stable
                                ? ""
                                : string.Create(
                                    CultureInfo.InvariantCulture,
                                    $" from day {options.DriftStartDay}"
                                );
                        await io.Output.WriteLineAsync(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"Simulated {options.Days} day(s) of {options.RowsPerDay:N0} rows ({SimulationScenarioNames.Name(options.Scenario)}{drift}, labels after {options.LabelDelayDays} day(s), seed {options.Seed}) in {folder}"
                            )
                        );
                        if (replayed is { } r)
                        {
                            await io.Output.WriteLineAsync(
                                string.Create(
                                    CultureInfo.InvariantCulture,
                                    $"Replayed to {server!.AbsoluteUri}: {r.Predictions:N0} predictions ({r.Rejected:N0} rejected), {r.Labels:N0} labels ({r.LabelsAttached:N0} attached)"
                                )
                            );
                        }
                    }
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
