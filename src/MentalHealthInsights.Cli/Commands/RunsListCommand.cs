using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi runs list</c>: runs of an experiment, newest first, with their test ROC AUC.</summary>
internal static class RunsListCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var experiment = new Option<string>("--experiment")
        {
            Description = "Experiment name",
            DefaultValueFactory = _ => "mental-health-insights",
        };
        var limit = CommonOptions.Between(
            "--limit",
            "Most runs to list",
            50,
            1,
            RunSearchQuery.MaxAllowedResults
        );
        var uri = TrackingConnection.UriOption();
        var json = CommonOptions.Json();
        var command = new Command("list", "List runs, newest first")
        {
            experiment,
            limit,
            uri,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var backend = TrackingConnection.OpenExistingTracking(
                        parseResult,
                        uri,
                        environment.Time
                    );
                    var name = parseResult.GetRequiredValue(experiment);
                    var found = await TrackingConnection.CallAsync(() =>
                        backend.Tracking.GetExperimentByNameAsync(name, cancellationToken)
                    );
                    if (found is null)
                    {
                        throw new CommandFailure(
                            ExitCodes.InvalidData,
                            $"no experiment named '{name}' in {backend.TrackingUri}."
                        );
                    }
                    var page = await TrackingConnection.CallAsync(() =>
                        backend.Tracking.SearchRunsAsync(
                            new RunSearchQuery
                            {
                                ExperimentIds = [found.ExperimentId],
                                OrderBy = ["attributes.start_time DESC"],
                                MaxResults = parseResult.GetValue(limit),
                            },
                            cancellationToken
                        )
                    );
                    if (parseResult.GetValue(json))
                    {
                        var runs = new JsonArray();
                        foreach (var run in page.Items)
                        {
                            runs.Add(
                                new JsonObject
                                {
                                    ["runId"] = run.Info.RunId,
                                    ["name"] = run.Info.RunName,
                                    ["status"] = run.Info.Status.ToString(),
                                    ["parentRunId"] = run.ParentRunId,
                                    ["startTimeMs"] = run.Info.StartTimeMs,
                                    ["testRocAuc"] = TestAuc(run),
                                }
                            );
                        }
                        await io.Output.WriteLineAsync(
                            JsonOutput.Format(new JsonObject { ["runs"] = runs })
                        );
                        return ExitCodes.Ok;
                    }
                    foreach (var run in page.Items)
                    {
                        var auc = TestAuc(run);
                        await io.Output.WriteLineAsync(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"{run.Info.RunId}  {run.Info.Status, -9} {(run.ParentRunId is null ? "" : "  └ "), -4}{run.Info.RunName, -10} {(auc is { } a ? $"test ROC AUC {a:0.000}" : "")}"
                            )
                        );
                    }
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    private static double? TestAuc(Run run) =>
        run.Data.Metrics.TryGetValue("test_roc_auc", out var metric) ? metric.Value : null;
}
