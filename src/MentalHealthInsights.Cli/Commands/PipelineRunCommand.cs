using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Pipelines.Monitoring;
using MentalHealthInsights.Infrastructure.Scheduling;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi pipeline run NAME</c>: runs a pipeline here and now (recording every step in the run
/// store), or with <c>--queue</c> puts it on the workers' queue.
/// </summary>
internal static class PipelineRunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var name = new Argument<string>("NAME")
        {
            Description = "Pipeline: " + string.Join(", ", PipelineCatalog.Names),
        };
        name.AcceptOnlyFromAmong([.. PipelineCatalog.Names]);
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "Pipeline parameter NAME=VALUE (repeatable); see docs/pipelines.md",
            AllowMultipleArgumentsPerToken = false,
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Run every step even when a cached result matches",
        };
        var queue = new Option<bool>("--queue")
        {
            Description = "Queue the run for the workers (mhi worker) instead of running it here",
        };
        var json = CommonOptions.Json();
        return PipelineCommand.StoreCommand(
            environment,
            "run",
            "Run a pipeline (or queue it for the workers)",
            [name, parameters, noCache, queue, json],
            async (parseResult, io, settings, runStore, cancellationToken) =>
            {
                var pipelineName = parseResult.GetRequiredValue(name);
                var given = CheckParameters(parseResult);
                var definition = PipelineCatalog.Find(pipelineName, environment.Time)!;
                var runnerOptions = settings.ToRunnerOptions();

                var total = definition.Steps.Count;
                var result = await new PipelineRunner(
                    runStore,
                    environment.Time,
                    runnerOptions
                ).RunAsync(
                    definition,
                    new PipelineRunRequest
                    {
                        Parameters = given,
                        NoCache = parseResult.GetValue(noCache),
                        StepChanged = step =>
                            io.Error.WriteLine(
                                $"[{step.Index + 1}/{total}] {step.Name}: {step.State.ToString().ToLowerInvariant()}"
                                    + (
                                        step.State
                                            is StepRunState.Retrying
                                                or StepRunState.Failed
                                                or StepRunState.Cached
                                            ? $" ({step.Error ?? step.Message})"
                                        : step.State == StepRunState.Running && step.Attempts > 1
                                            ? $" (attempt {step.Attempts})"
                                        : ""
                                    )
                            ),
                    },
                    cancellationToken
                );
                await io.Output.WriteLineAsync(
                    parseResult.GetValue(json)
                        ? JsonOutput.Format(PipelineCommand.ToJson(result.Run, result.Steps))
                        : PipelineCommand.RenderRun(result.Run)
                            + Environment.NewLine
                            + PipelineCommand.RenderSteps(result.Steps)
                            + Environment.NewLine
                            + "A screening aid, not a diagnosis."
                );
                return result.Run.State switch
                {
                    PipelineRunState.Completed => ExitCodes.Ok,
                    PipelineRunState.Cancelled => ExitCodes.Cancelled,
                    _ => ExitCodes.InvalidData,
                };
            },
            // Before the run store is opened: refused parameters create no store.
            check: parseResult => _ = CheckParameters(parseResult),
            // Only writes the trigger; a worker runs it and records it in its own run store.
            withoutStore: async (parseResult, io, settings, cancellationToken) =>
                parseResult.GetValue(queue)
                    ? await QueueAsync(parseResult, io, settings, cancellationToken)
                    : null
        );

        async Task<int?> QueueAsync(
            ParseResult parseResult,
            CommandIo io,
            PipelineSettings settings,
            CancellationToken cancellationToken
        )
        {
            var pipelineName = parseResult.GetRequiredValue(name);
            var runId = Guid.NewGuid().ToString("N");
            await using var scheduler = await PipelineScheduler.CreateClientAsync(
                settings.Scheduler,
                environment.Time,
                cancellationToken
            );
            await scheduler.EnqueueAsync(
                pipelineName,
                CheckParameters(parseResult),
                PipelineTrigger.Manual,
                runId,
                parseResult.GetValue(noCache),
                cancellationToken
            );
            await io.Output.WriteLineAsync(
                parseResult.GetValue(json)
                    ? JsonOutput.Format(
                        new System.Text.Json.Nodes.JsonObject
                        {
                            ["queued"] = runId,
                            ["pipeline"] = pipelineName,
                        }
                    )
                    : $"Queued run {runId} ({pipelineName}); a worker picks it up. Follow it with: mhi pipeline show {runId}"
            );
            return ExitCodes.Ok;
        }

        // The --param values, checked against the pipeline's declarations (usage error, exit 1);
        // a file they name that is missing or broken is unusable input (exit 2).
        Dictionary<string, string> CheckParameters(ParseResult parseResult)
        {
            var given = ParseParameters(parseResult.GetValue(parameters) ?? []);
            var definition = PipelineCatalog.Find(
                parseResult.GetRequiredValue(name),
                environment.Time
            )!;
            CheckAlertsConfig(definition, given);
            var (_, problems) = definition.ResolveParameters(given);
            return problems.Count > 0
                ? throw new CommandFailure(ExitCodes.Usage, string.Join(" ", problems))
                : given;
        }
    }

    /// <summary>
    /// The alert policy file of <c>--param alerts-config=FILE</c> (monitoring): missing, a folder
    /// or broken is exit 2, as for <c>mhi monitor --alerts</c> and <c>mhi alerts check</c> — what
    /// is wrong is in the file, not on the command line (it used to be a usage error, exit 1).
    /// Read with the parameter's own check, which the run's checks repeat.
    /// </summary>
    private static void CheckAlertsConfig(
        PipelineDefinition definition,
        Dictionary<string, string> given
    )
    {
        if (
            definition.Parameters.FirstOrDefault(p =>
                p.Name == MonitoringPipeline.AlertsConfigParameter
            )
                is not { Check: { } check }
            || !given.TryGetValue(MonitoringPipeline.AlertsConfigParameter, out var path)
            || path.Length == 0
        )
        {
            return;
        }
        StorageArguments.RequireLocalFile(
            path,
            $"alert configuration ({MonitoringPipeline.AlertsConfigParameter})"
        );
        if (check(path) is { } problem)
        {
            throw new CommandFailure(ExitCodes.InvalidData, problem);
        }
    }

    /// <summary>NAME=VALUE pairs; a malformed or repeated one is a usage error.</summary>
    public static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CommandFailure(
                    ExitCodes.Usage,
                    $"--param takes NAME=VALUE, got '{pair}'."
                );
            }
            if (!values.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                throw new CommandFailure(
                    ExitCodes.Usage,
                    $"--param {pair[..equals]} is given twice; give each parameter once."
                );
            }
        }
        return values;
    }
}
