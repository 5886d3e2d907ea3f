using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

internal sealed partial class FakeMlflowServer
{
    private async Task<JsonNode?> DispatchTrackingAsync(string method, string endpoint, Fields f)
    {
        switch (method, endpoint)
        {
            case ("POST", "experiments/create"):
                var id = await _tracking.CreateExperimentAsync(
                    f.Required("name"),
                    f.Get("artifact_location"),
                    f.Pairs("tags")
                );
                return new JsonObject { ["experiment_id"] = id };
            case ("GET", "experiments/get"):
                return new JsonObject
                {
                    ["experiment"] = Json(
                        await _tracking.GetExperimentAsync(f.Required("experiment_id"))
                    ),
                };
            case ("GET", "experiments/get-by-name"):
                var name = f.Required("experiment_name");
                var experiment =
                    await _tracking.GetExperimentByNameAsync(name)
                    ?? throw new TrackingException(
                        TrackingErrorCode.ResourceDoesNotExist,
                        $"Could not find experiment with name '{name}'"
                    );
                return new JsonObject { ["experiment"] = Json(experiment) };
            case ("POST" or "GET", "experiments/search"):
                var experiments = await _tracking.SearchExperimentsAsync(
                    new ExperimentSearchQuery
                    {
                        Filter = f.Get("filter"),
                        OrderBy = f.List("order_by"),
                        MaxResults = (int)(
                            f.Long("max_results") ?? ExperimentSearchQuery.DefaultMaxResults
                        ),
                        PageToken = f.Get("page_token"),
                        ViewType = ParseViewType(f.Get("view_type")),
                    }
                );
                return Page(
                    "experiments",
                    experiments.Items.Select(Json),
                    experiments.NextPageToken
                );
            case ("POST", "runs/create"):
                var run = await _tracking.CreateRunAsync(
                    new NewRun
                    {
                        ExperimentId = f.Required("experiment_id"),
                        RunName = f.Get("run_name"),
                        UserId = f.Get("user_id") ?? "",
                        StartTimeMs = f.Long("start_time") ?? 0,
                        Tags = f.Pairs("tags").Select(p => new RunTag(p.Key, p.Value)).ToList(),
                    }
                );
                return new JsonObject { ["run"] = Json(run) };
            case ("GET", "runs/get"):
                return new JsonObject
                {
                    ["run"] = Json(await _tracking.GetRunAsync(f.Required("run_id"))),
                };
            case ("POST", "runs/update"):
                // An unknown status string is silently ignored, as on MLflow 2.17.
                RunStatus? status = TrackingEnumNames.TryParseRunStatus(
                    f.Get("status"),
                    out var parsed
                )
                    ? parsed
                    : null;
                var info = await _tracking.UpdateRunAsync(
                    f.Required("run_id"),
                    status,
                    f.Long("end_time"),
                    f.Get("run_name")
                );
                return new JsonObject { ["run_info"] = Json(info) };
            case ("POST", "runs/log-batch"):
                await _tracking.LogBatchAsync(
                    f.Required("run_id"),
                    ParseMetrics(f.Body!["metrics"] as JsonArray),
                    f.Pairs("params").Select(p => new Param(p.Key, p.Value)).ToList(),
                    f.Pairs("tags").Select(p => new RunTag(p.Key, p.Value)).ToList()
                );
                return new JsonObject();
            case ("GET", "metrics/get-history"):
                var history = await _tracking.GetMetricHistoryAsync(
                    f.Required("run_id"),
                    f.Required("metric_key")
                );
                return Page("metrics", history.Select(Json), null);
            case ("POST", "runs/search"):
                var runs = await _tracking.SearchRunsAsync(
                    new RunSearchQuery
                    {
                        ExperimentIds = f.List("experiment_ids"),
                        Filter = f.Get("filter"),
                        OrderBy = f.List("order_by"),
                        MaxResults = (int)(
                            f.Long("max_results") ?? RunSearchQuery.DefaultMaxResults
                        ),
                        PageToken = f.Get("page_token"),
                        ViewType = ParseViewType(f.Get("run_view_type")),
                    }
                );
                return Page("runs", runs.Items.Select(Json), runs.NextPageToken);
            case ("POST", "runs/delete"):
                await _tracking.DeleteRunAsync(f.Required("run_id"));
                return new JsonObject();
            case ("POST", "runs/restore"):
                await _tracking.RestoreRunAsync(f.Required("run_id"));
                return new JsonObject();
            case ("POST", "runs/set-tag"):
                await _tracking.SetTagAsync(
                    f.Required("run_id"),
                    f.Required("key"),
                    f.Get("value") ?? ""
                );
                return new JsonObject();
            case ("POST", "runs/delete-tag"):
                await _tracking.DeleteTagAsync(f.Required("run_id"), f.Required("key"));
                return new JsonObject();
            default:
                return null;
        }
    }

    private static ViewType ParseViewType(string? text) =>
        text switch
        {
            "DELETED_ONLY" => ViewType.DeletedOnly,
            "ALL" => ViewType.All,
            _ => ViewType.ActiveOnly,
        };

    private static List<Metric> ParseMetrics(JsonArray? array) =>
        [
            .. (array ?? []).Select(node =>
            {
                var value = node!["value"]!;
                var number =
                    value.GetValueKind() == JsonValueKind.String
                        ? double.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)
                        : value.GetValue<double>();
                var timestamp =
                    node["timestamp"]
                    ?? throw new TrackingException(
                        TrackingErrorCode.InvalidParameterValue,
                        "Missing value for required parameter 'metrics[0].timestamp'."
                    );
                return new Metric(
                    node["key"]!.GetValue<string>(),
                    number,
                    timestamp.GetValue<long>(),
                    node["step"]?.GetValue<long>() ?? 0
                );
            }),
        ];

    private static JsonObject Page(string name, IEnumerable<JsonNode> items, string? token)
    {
        var page = new JsonObject();
        var array = new JsonArray([.. items]);
        if (array.Count > 0)
        {
            page[name] = array; // Empty repeated fields are omitted, as MLflow does.
        }
        if (token is not null)
        {
            page["next_page_token"] = token;
        }
        return page;
    }

    private static JsonArray? Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0
            ? null
            : new JsonArray([
                .. tags.Select(t =>
                    (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }
                ),
            ]);

    private static void Put(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static JsonObject Json(Experiment e)
    {
        var json = new JsonObject
        {
            ["experiment_id"] = e.ExperimentId,
            ["name"] = e.Name,
            ["artifact_location"] = e.ArtifactLocation,
            ["lifecycle_stage"] = e.LifecycleStage.ToMlflowName(),
            ["creation_time"] = e.CreationTimeMs,
            ["last_update_time"] = e.LastUpdateTimeMs,
        };
        Put(json, "tags", Tags(e.Tags));
        return json;
    }

    private static JsonObject Json(RunInfo i)
    {
        var json = new JsonObject
        {
            ["run_id"] = i.RunId,
            ["run_uuid"] = i.RunId,
            ["run_name"] = i.RunName,
            ["experiment_id"] = i.ExperimentId,
            ["user_id"] = i.UserId,
            ["status"] = i.Status.ToMlflowName(),
            ["start_time"] = i.StartTimeMs,
            ["artifact_uri"] = i.ArtifactUri,
            ["lifecycle_stage"] = i.LifecycleStage.ToMlflowName(),
        };
        Put(json, "end_time", i.EndTimeMs is { } end ? JsonValue.Create(end) : null);
        return json;
    }

    private static JsonObject Json(Metric m) =>
        new()
        {
            ["key"] = m.Key,
            // MLflow's quirks: NaN is the string "NaN"; the SQL store turns ±∞ into ±max double.
            ["value"] =
                double.IsNaN(m.Value) ? JsonValue.Create("NaN")
                : double.IsPositiveInfinity(m.Value) ? JsonValue.Create(double.MaxValue)
                : double.IsNegativeInfinity(m.Value) ? JsonValue.Create(-double.MaxValue)
                : JsonValue.Create(m.Value),
            ["timestamp"] = m.TimestampMs,
            ["step"] = m.Step,
        };

    private static JsonObject Json(Run r)
    {
        var data = new JsonObject();
        if (r.Data.Metrics.Count > 0)
        {
            data["metrics"] = new JsonArray([
                .. r.Data.Metrics.Values.Select(m => (JsonNode)Json(m)),
            ]);
        }
        Put(data, "params", Tags(r.Data.Params));
        Put(data, "tags", Tags(r.Data.Tags));
        return new JsonObject
        {
            ["info"] = Json(r.Info),
            ["data"] = data,
            ["inputs"] = new JsonObject(),
        };
    }
}
