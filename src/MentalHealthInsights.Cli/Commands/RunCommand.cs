using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi run</c>: the main job end to end on the embedded default (what <c>make run</c> calls):
/// generate the synthetic dataset → validate → EDA report → train, evaluate, track and register.
/// Later capabilities (batch scoring, monitoring) extend this same command.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder (data/, eda/, train/, summary.json)",
            DefaultValueFactory = _ => "out",
        };
        var rows = CommonOptions.AtLeast(
            "--rows",
            "Rows of synthetic data to generate",
            1000,
            1,
            "-n"
        );
        var seed = CommonOptions.Seed();
        var signal = CommonOptions.Signal();
        var budget = CommonOptions.AtLeast(
            "--search-budget",
            "Hyperparameter configurations tried per model when training",
            20,
            1
        );
        var json = CommonOptions.Json();
        var command = new Command(
            "run",
            "Run the main job end to end on the embedded default dataset"
        )
        {
            output,
            rows,
            seed,
            signal,
            budget,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var outputDirectory = Path.GetFullPath(parseResult.GetRequiredValue(output));
                    var options = new SyntheticDataOptions
                    {
                        Rows = parseResult.GetValue(rows),
                        Seed = parseResult.GetValue(seed),
                        Signal = DataGenerateCommand.ParseSignal(
                            parseResult.GetRequiredValue(signal)
                        ),
                    };
                    var dataPath = Path.Combine(outputDirectory, "data", "mental_health.csv");

                    await io.Error.WriteLineAsync("[1/4] generate synthetic dataset");
                    var written = await DataGenerateCommand.GenerateAsync(
                        environment,
                        io,
                        options,
                        dataPath,
                        cancellationToken
                    );
                    await io.Error.WriteLineAsync("[2/4] validate  [3/4] EDA report");
                    var eda = await EdaCommand.RunAsync(
                        environment,
                        io,
                        dataPath,
                        Path.Combine(outputDirectory, "eda"),
                        ValidationOptions.Default,
                        cancellationToken
                    );

                    await io.Error.WriteLineAsync("[4/4] train and evaluate models");
                    var training = await TrainCommand.RunAsync(
                        environment,
                        io,
                        new TrainingJobOptions
                        {
                            InputPath = dataPath,
                            OutputDirectory = Path.Combine(outputDirectory, "train"),
                            EdaSummaryPath = eda.Output.JsonPath,
                            // Keep the default run self-contained: its tracking store lives in
                            // the output folder unless the user points MLFLOW_TRACKING_URI elsewhere.
                            TrackingUri =
                                Environment.GetEnvironmentVariable(
                                    TrackingBackendFactory.TrackingUriVariable
                                )
                                ?? "sqlite:///" + Path.Combine(outputDirectory, "mlruns.db"),
                            Protocol = new TrainingOptions
                            {
                                Seed = options.Seed,
                                SearchBudget = parseResult.GetValue(budget),
                            },
                        },
                        cancellationToken
                    );

                    var summary = new JsonObject
                    {
                        ["dataset"] = new JsonObject
                        {
                            ["path"] = dataPath,
                            ["rows"] = written,
                            ["seed"] = options.Seed,
                            ["signal"] = DataGenerateCommand.SignalName(options.Signal),
                            // The training job hashed the file it trained on: the same bytes.
                            ["sha256"] = training.Report.Data.DataHash,
                        },
                        ["validation"] = new JsonObject
                        {
                            ["rowsRead"] = eda.Validation.RowsRead,
                            ["rowsAccepted"] = eda.Validation.RowsAccepted,
                            ["rowsRejected"] = eda.Validation.RowsRejected,
                            ["rejectsPath"] = eda.RejectsPath,
                        },
                        ["eda"] = new JsonObject
                        {
                            ["html"] = eda.Output.HtmlPath,
                            ["json"] = eda.Output.JsonPath,
                            ["findings"] = new JsonArray([
                                .. eda.Report.WhatStandsOut.Select(f => (JsonNode?)f),
                            ]),
                        },
                        ["train"] = TrainingSummaryRenderer.ToJson(training),
                        ["notDoneYet"] = new JsonArray("batch-score", "serve", "monitor"),
                    };
                    var summaryPath = Path.Combine(outputDirectory, "summary.json");
                    await File.WriteAllTextAsync(
                        summaryPath,
                        JsonOutput.Format(summary),
                        cancellationToken
                    );

                    if (parseResult.GetValue(json))
                    {
                        await io.Output.WriteLineAsync(JsonOutput.Format(summary));
                        return ExitCodes.Ok;
                    }
                    var culture = CultureInfo.InvariantCulture;
                    await io.Output.WriteLineAsync(
                        string.Create(
                            culture,
                            $"Dataset   {dataPath} ({written:N0} rows, signal {DataGenerateCommand.SignalName(options.Signal)}, seed {options.Seed})"
                        )
                    );
                    await io.Output.WriteLineAsync(
                        ValidationSummaryRenderer.Render(eda.Validation, eda.RejectsPath)
                    );
                    foreach (var finding in eda.Report.WhatStandsOut)
                    {
                        await io.Output.WriteLineAsync($"- {finding}");
                    }
                    await io.Output.WriteLineAsync($"EDA report {eda.Output.HtmlPath}");
                    await io.Output.WriteLineAsync();
                    await io.Output.WriteLineAsync(TrainingSummaryRenderer.Render(training));
                    await io.Output.WriteLineAsync();
                    await io.Output.WriteLineAsync($"Summary   {summaryPath}");
                    await io.Output.WriteLineAsync(
                        "Not built yet: batch scoring, serving and monitoring (see the README's status table)."
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
