using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi runs compare RUN RUN...</c>: runs side by side — the params that differ and the
/// summary metrics (test metrics with their interval bounds, CV means and stds).
/// </summary>
internal static class RunsCompareCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var runIds = new Argument<string[]>("run-ids")
        {
            Description = "Two or more run ids",
            Arity = new ArgumentArity(2, 20),
        };
        var all = new Option<bool>("--all-params")
        {
            Description = "Show every param, not only those that differ",
        };
        var uri = TrackingConnection.UriOption();
        var json = CommonOptions.Json();
        var command = new Command("compare", "Compare runs side by side")
        {
            runIds,
            all,
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
                    var runs = new List<Run>();
                    foreach (var id in parseResult.GetRequiredValue(runIds))
                    {
                        runs.Add(
                            await TrackingConnection.CallAsync(() =>
                                backend.Tracking.GetRunAsync(id, cancellationToken)
                            )
                        );
                    }
                    var paramKeys = runs.SelectMany(r => r.Data.Params.Keys)
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal)
                        .Where(k =>
                            parseResult.GetValue(all)
                            || runs.Select(r => r.Data.Params.GetValueOrDefault(k))
                                .Distinct(StringComparer.Ordinal)
                                .Count() > 1
                        )
                        .ToList();
                    var metricKeys = runs.SelectMany(r => r.Data.Metrics.Keys)
                        .Distinct(StringComparer.Ordinal)
                        .Where(k =>
                            k.StartsWith("test_", StringComparison.Ordinal)
                            || (
                                k.StartsWith("cv_", StringComparison.Ordinal)
                                && !k.StartsWith("cv_fold_", StringComparison.Ordinal)
                            )
                        )
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? JsonOutput.Format(ToJson(runs, paramKeys, metricKeys))
                            : Render(runs, paramKeys, metricKeys)
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    private static string Render(List<Run> runs, List<string> paramKeys, List<string> metricKeys)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        Row(text, "run", runs.Select(r => r.Info.RunId[..Math.Min(8, r.Info.RunId.Length)]));
        Row(text, "name", runs.Select(r => r.Info.RunName));
        if (paramKeys.Count > 0)
        {
            text.AppendLine("params:");
            foreach (var key in paramKeys)
            {
                Row(
                    text,
                    "  " + key,
                    runs.Select(r => r.Data.Params.GetValueOrDefault(key) ?? "-")
                );
            }
        }
        if (metricKeys.Count > 0)
        {
            text.AppendLine("metrics:");
            foreach (var key in metricKeys)
            {
                Row(
                    text,
                    "  " + key,
                    runs.Select(r =>
                        r.Data.Metrics.TryGetValue(key, out var metric)
                            ? metric.Value.ToString("0.0000", culture)
                            : "-"
                    )
                );
            }
        }
        return text.ToString().TrimEnd();
    }

    private static void Row(StringBuilder text, string label, IEnumerable<string> values) =>
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"{label, -32} {string.Join(" ", values.Select(v => $"{v, 14}"))}"
        );

    private static JsonObject ToJson(
        List<Run> runs,
        List<string> paramKeys,
        List<string> metricKeys
    )
    {
        var array = new JsonArray();
        foreach (var run in runs)
        {
            var parameters = new JsonObject();
            foreach (var key in paramKeys)
            {
                parameters[key] = run.Data.Params.GetValueOrDefault(key);
            }
            var metrics = new JsonObject();
            foreach (var key in metricKeys)
            {
                metrics[key] =
                    run.Data.Metrics.TryGetValue(key, out var metric)
                    && double.IsFinite(metric.Value)
                        ? metric.Value
                        : null;
            }
            array.Add(
                new JsonObject
                {
                    ["runId"] = run.Info.RunId,
                    ["name"] = run.Info.RunName,
                    ["params"] = parameters,
                    ["metrics"] = metrics,
                }
            );
        }
        return new JsonObject { ["runs"] = array };
    }
}
