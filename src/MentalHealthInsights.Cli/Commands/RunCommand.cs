using System.CommandLine;
using System.Globalization;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Monitoring.Simulation;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.BatchScoring;
using MentalHealthInsights.Infrastructure.Pipelines.Monitoring;
using MentalHealthInsights.Infrastructure.Pipelines.Training;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi run</c> (what <c>make run</c> calls): the three pipelines end to end on the embedded
/// defaults, no server: <c>training</c> (generate → validate → EDA → train, evaluate, register,
/// promote through the gate), then <c>batch-scoring</c> of a simulated current window with the
/// champion, then <c>monitoring</c> of that window against the training data, with alerts. Every
/// run is recorded in <c>OUT/pipelines.db</c>; a summary table and <c>OUT/summary.json</c> close it.
/// </summary>
internal static partial class RunCommand
{
    /// <summary>The simulated day scored and monitored: day 8 of a sleep-decline scenario drifting from day 1.</summary>
    internal const int SimulatedDay = 8;

    public static Command Create(CliEnvironment environment)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description =
                "Output folder (data/, validate/, eda/, train/, current/, batch/, monitoring/, *.db, summary.json)",
            DefaultValueFactory = _ => "out",
        };
        var rows = CommonOptions.AtLeast(
            "--rows",
            "Rows of synthetic training data to generate",
            1000,
            1,
            "-n"
        );
        var currentRows = CommonOptions.AtLeast(
            "--current-rows",
            "Rows of the simulated current window (batch-scored and monitored)",
            1000,
            1
        );
        var seed = CommonOptions.Seed();
        var signal = CommonOptions.Signal();
        var budget = CommonOptions.Between(
            "--search-budget",
            "Hyperparameter configurations tried per model when training",
            20,
            1,
            TrainingOptions.MaxSearchBudget
        );
        var json = CommonOptions.Json();
        var command = new Command(
            "run",
            "Run the training, batch-scoring and monitoring pipelines end to end on the embedded defaults"
        )
        {
            output,
            rows,
            currentRows,
            seed,
            signal,
            budget,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var outFolder = Path.GetFullPath(parseResult.GetRequiredValue(output));
                    Directory.CreateDirectory(outFolder);
                    var seedValue = parseResult.GetValue(seed);
                    var signalName = DataGenerateCommand.SignalName(
                        DataGenerateCommand.ParseSignal(parseResult.GetRequiredValue(signal))
                    );
                    await using var store = await PipelineRunStoreFactory.OpenAsync(
                        "sqlite:///" + Path.Combine(outFolder, "pipelines.db"),
                        cancellationToken
                    );
                    var runner = new PipelineRunner(
                        store,
                        environment.Time,
                        new PipelineRunnerOptions()
                    );
                    var c = CultureInfo.InvariantCulture;

                    var training = await RunPipelineAsync(
                        runner,
                        io,
                        environment.Time,
                        TrainingPipeline.PipelineName,
                        new Dictionary<string, string>
                        {
                            ["out"] = outFolder,
                            ["rows"] = parseResult.GetValue(rows).ToString(c),
                            ["seed"] = seedValue.ToString(c),
                            ["signal"] = signalName,
                            ["search-budget"] = parseResult.GetValue(budget).ToString(c),
                        },
                        cancellationToken
                    );

                    var current = await WriteCurrentWindowAsync(
                        outFolder,
                        parseResult.GetValue(currentRows),
                        seedValue,
                        cancellationToken
                    );
                    var batch = await RunPipelineAsync(
                        runner,
                        io,
                        environment.Time,
                        BatchScoringPipeline.PipelineName,
                        new Dictionary<string, string>
                        {
                            ["out"] = outFolder,
                            ["input"] = current,
                            // Synthetic ids only: nothing to pseudonymise, no key needed.
                            ["raw-ids"] = "true",
                        },
                        cancellationToken
                    );
                    var monitoring = await RunPipelineAsync(
                        runner,
                        io,
                        environment.Time,
                        MonitoringPipeline.PipelineName,
                        new Dictionary<string, string>
                        {
                            ["out"] = outFolder,
                            ["current"] = current,
                            ["reference"] = Output(training, "ingest", "dataset"),
                        },
                        cancellationToken
                    );

                    var summary = Summary(outFolder, current, training, batch, monitoring);
                    var summaryPath = Path.Combine(outFolder, "summary.json");
                    await File.WriteAllTextAsync(
                        summaryPath,
                        JsonOutput.Format(summary),
                        cancellationToken
                    );
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? JsonOutput.Format(summary)
                            : Render(summary, summaryPath)
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    /// <summary>
    /// The simulated current window: day <see cref="SimulatedDay"/> of the sleep-decline scenario
    /// (drift from day 1), on seed + 1 so its people differ from the training data's.
    /// </summary>
    private static async Task<string> WriteCurrentWindowAsync(
        string outFolder,
        int rows,
        int seed,
        CancellationToken cancellationToken
    )
    {
        var simulator = new MonitoringSimulator(
            new SimulationOptions
            {
                Days = SimulatedDay,
                RowsPerDay = rows,
                Scenario = SimulationScenario.SleepDecline,
                DriftStartDay = 1,
                Seed = unchecked(seed + 1),
            }
        );
        var path = Path.Combine(outFolder, "current", "current.csv");
        await Task.Run(
            () =>
                CsvDatasetWriter.WriteFile(
                    simulator.Day(SimulatedDay),
                    path,
                    rows,
                    null,
                    cancellationToken
                ),
            cancellationToken
        );
        return path;
    }

    private static async Task<PipelineRunResult> RunPipelineAsync(
        PipelineRunner runner,
        CommandIo io,
        TimeProvider time,
        string name,
        Dictionary<string, string> parameters,
        CancellationToken cancellationToken
    )
    {
        var definition = PipelineCatalog.Find(name, time)!;
        var total = definition.Steps.Count;
        var result = await runner.RunAsync(
            definition,
            new PipelineRunRequest
            {
                Parameters = parameters,
                StepChanged = step =>
                {
                    if (step.State is not StepRunState.Pending)
                    {
                        io.Error.WriteLine(
                            $"{name} [{step.Index + 1}/{total}] {step.Name}: {step.State.ToString().ToLowerInvariant()}"
                                + (
                                    step.Message is { } m && step.State != StepRunState.Running
                                        ? $" ({m})"
                                        : ""
                                )
                        );
                    }
                },
            },
            cancellationToken
        );
        if (result.Run.State == PipelineRunState.Cancelled)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        if (result.Run.State != PipelineRunState.Completed)
        {
            var failed = result.Steps.FirstOrDefault(s => s.State == StepRunState.Failed);
            throw new CommandFailure(
                ExitCodes.InvalidData,
                $"pipeline {name} (run {result.Run.Id}) failed at {failed?.Name ?? "?"}: {(failed?.Error ?? result.Run.Error)?.TrimEnd('.')}. See: mhi pipeline show {result.Run.Id}"
            );
        }
        return result;
    }

    private static string Output(PipelineRunResult result, string step, string key) =>
        result.Steps.Single(s => s.Name == step).Outputs.GetValueOrDefault(key, string.Empty);
}
