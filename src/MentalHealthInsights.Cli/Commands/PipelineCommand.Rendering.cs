using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class PipelineCommand
{
    /// <summary>One line per step: state, attempts, duration, message or error.</summary>
    public static string RenderSteps(IReadOnlyList<StepRunRecord> steps)
    {
        var text = new StringBuilder();
        foreach (var step in steps)
        {
            text.AppendLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {step.Index + 1}. {step.Name, -10} {step.State, -9} attempts {step.Attempts}  {Duration(step.StartedAt, step.EndedAt), 8}  {step.Error ?? step.Message}"
                )
            );
            foreach (var link in step.Links)
            {
                text.AppendLine($"       {link.Kind}: {link.Value}");
            }
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The run header: id, pipeline, trigger, state, times, error.</summary>
    public static string RenderRun(PipelineRunRecord run) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Run {run.Id}  {run.Pipeline}  {run.State}  trigger {run.Trigger.ToString().ToLowerInvariant()}  started {run.StartedAt:yyyy-MM-dd HH:mm:ss}Z  took {Duration(run.StartedAt, run.EndedAt)}  owner {run.OwnerId}"
        ) + (run.Error is null ? "" : Environment.NewLine + "  " + run.Error);

    public static JsonObject ToJson(PipelineRunRecord run, IReadOnlyList<StepRunRecord>? steps)
    {
        var node = new JsonObject
        {
            ["id"] = run.Id,
            ["pipeline"] = run.Pipeline,
            ["state"] = run.State.ToString(),
            ["trigger"] = run.Trigger.ToString().ToLowerInvariant(),
            ["parameters"] = Values(run.Parameters),
            ["owner"] = run.OwnerId,
            ["createdAt"] = run.CreatedAt,
            ["startedAt"] = run.StartedAt,
            ["endedAt"] = run.EndedAt,
            ["heartbeatAt"] = run.HeartbeatAt,
            ["error"] = run.Error,
            ["cancelRequested"] = run.CancelRequested,
        };
        if (steps is not null)
        {
            node["steps"] = new JsonArray([
                .. steps.Select(s =>
                    (JsonNode?)
                        new JsonObject
                        {
                            ["name"] = s.Name,
                            ["state"] = s.State.ToString(),
                            ["attempts"] = s.Attempts,
                            ["startedAt"] = s.StartedAt,
                            ["endedAt"] = s.EndedAt,
                            ["error"] = s.Error,
                            ["message"] = s.Message,
                            ["cacheKey"] = s.CacheKey,
                            ["outputs"] = Values(s.Outputs),
                            ["links"] = new JsonArray([
                                .. s.Links.Select(l =>
                                    (JsonNode?)
                                        new JsonObject { ["kind"] = l.Kind, ["value"] = l.Value }
                                ),
                            ]),
                        }
                ),
            ]);
        }
        return node;
    }

    private static JsonObject Values(IReadOnlyDictionary<string, string> values)
    {
        var node = new JsonObject();
        foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            node[pair.Key] = pair.Value;
        }
        return node;
    }

    private static string Duration(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e
            ? string.Create(CultureInfo.InvariantCulture, $"{(e - s).TotalSeconds:0.0} s")
            : "-";
}
