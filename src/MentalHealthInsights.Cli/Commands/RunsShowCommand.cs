using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi runs show RUN_ID</c>: a run's params, latest metrics and tags.</summary>
internal static class RunsShowCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var runId = new Argument<string>("run-id") { Description = "The run id" };
        var uri = TrackingConnection.UriOption();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one run") { runId, uri, json };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var backend = TrackingConnection.OpenExistingTracking(
                        parseResult,
                        uri,
                        environment.Time
                    );
                    var run = await TrackingConnection.CallAsync(() =>
                        backend.Tracking.GetRunAsync(
                            parseResult.GetRequiredValue(runId),
                            cancellationToken
                        )
                    );
                    if (parseResult.GetValue(json))
                    {
                        var parameters = new JsonObject();
                        foreach (var (key, value) in run.Data.Params)
                        {
                            parameters[key] = value;
                        }
                        var metrics = new JsonObject();
                        foreach (var (key, metric) in run.Data.Metrics)
                        {
                            metrics[key] = double.IsFinite(metric.Value) ? metric.Value : null;
                        }
                        var tags = new JsonObject();
                        foreach (var (key, value) in run.Data.Tags)
                        {
                            tags[key] = value;
                        }
                        await io.Output.WriteLineAsync(
                            JsonOutput.Format(
                                new JsonObject
                                {
                                    ["runId"] = run.Info.RunId,
                                    ["name"] = run.Info.RunName,
                                    ["status"] = run.Info.Status.ToString(),
                                    ["artifactUri"] = run.Info.ArtifactUri,
                                    ["params"] = parameters,
                                    ["metrics"] = metrics,
                                    ["tags"] = tags,
                                }
                            )
                        );
                        return ExitCodes.Ok;
                    }
                    var culture = CultureInfo.InvariantCulture;
                    var text = new StringBuilder();
                    text.AppendLine(
                        culture,
                        $"run {run.Info.RunId} ({run.Info.RunName}, {run.Info.Status}) artifacts {run.Info.ArtifactUri}"
                    );
                    Section(text, "params", run.Data.Params);
                    Section(
                        text,
                        "metrics (latest)",
                        run.Data.Metrics.ToDictionary(
                            m => m.Key,
                            m => m.Value.Value.ToString("0.####", culture),
                            StringComparer.Ordinal
                        )
                    );
                    Section(text, "tags", run.Data.Tags);
                    await io.Output.WriteLineAsync(text.ToString().TrimEnd());
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    private static void Section(
        StringBuilder text,
        string title,
        IReadOnlyDictionary<string, string> values
    )
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {key, -32} {value}");
        }
    }
}
