using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class RunCommand
{
    /// <summary>Test metrics shown per model, when the report has them.</summary>
    private static readonly string[] ShownMetrics = ["roc_auc", "f1"];

    private static JsonObject Summary(
        string outFolder,
        string current,
        PipelineRunResult training,
        PipelineRunResult batch,
        PipelineRunResult monitoring
    )
    {
        string T(string step, string key) => Output(training, step, key);
        string B(string key) => Output(batch, "score", key);
        string M(string step, string key) => Output(monitoring, step, key);
        return new JsonObject
        {
            ["dataset"] = new JsonObject
            {
                ["path"] = T("ingest", "dataset"),
                ["sha256"] = T("ingest", "data_sha256"),
                ["rowsAccepted"] = Long(T("validate", "rows_accepted")),
                ["rowsRejected"] = Long(T("validate", "rows_rejected")),
                ["rejectsPath"] = T("validate", "rejects_csv"),
            },
            ["eda"] = new JsonObject { ["html"] = T("eda", "eda_html") },
            ["train"] = new JsonObject
            {
                ["pipelineRun"] = training.Run.Id,
                ["report"] = T("train", "training_report"),
                ["trackingRun"] = T("train", "tracking_run"),
                ["registeredModel"] = T("train", "registered_model"),
                ["version"] = T("train", "model_version"),
                ["promoted"] = T("train", "promoted") == "true",
                ["models"] = Models(T("train", "training_json")),
            },
            ["batch"] = new JsonObject
            {
                ["pipelineRun"] = batch.Run.Id,
                ["input"] = current,
                ["model"] =
                    $"{Output(batch, "resolve", "model_name")}/{Output(batch, "resolve", "model_version")}",
                ["output"] = B("output_csv"),
                ["rejects"] = B("rejects_csv"),
                ["rowsRead"] = Long(B("rows_read")),
                ["rowsScored"] = Long(B("rows_scored")),
                ["rowsRejected"] = Long(B("rows_rejected")),
                ["positiveLabels"] = Long(B("positive_labels")),
            },
            ["monitoring"] = new JsonObject
            {
                ["pipelineRun"] = monitoring.Run.Id,
                ["model"] = M("monitor", "monitored_model"),
                ["report"] = M("monitor", "monitoring_html"),
                ["json"] = M("monitor", "monitoring_json"),
                ["datasetDrift"] = M("monitor", "dataset_drift") == "true",
                ["driftedColumns"] = new JsonArray([
                    .. M("monitor", "drifted_columns")
                        .Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(col => (JsonNode?)col),
                ]),
                ["alertsFired"] = Long(M("alert", "alerts_fired")),
                // Still breached but within their cool-down: not announced again, not gone.
                ["alertsSuppressed"] = Long(M("alert", "alerts_suppressed")),
                ["firedRules"] = new JsonArray([
                    .. M("alert", "fired_rules")
                        .Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(r => (JsonNode?)r),
                ]),
                ["monitoringStore"] = Path.Combine(outFolder, "monitoring.db"),
            },
            ["pipelineStore"] = Path.Combine(outFolder, "pipelines.db"),
            ["note"] = "A screening aid, not a diagnosis.",
        };
    }

    /// <summary>Each model's test-set intervals, read back from training.json (empty when unreadable).</summary>
    private static JsonArray Models(string trainingJson)
    {
        var models = new JsonArray();
        if (trainingJson.Length == 0 || !File.Exists(trainingJson))
        {
            return models;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(trainingJson));
        if (
            !document.RootElement.TryGetProperty("report", out var report)
            || !report.TryGetProperty("models", out var list)
        )
        {
            return models;
        }
        foreach (var model in list.EnumerateArray())
        {
            var metrics = new JsonObject();
            if (
                model.TryGetProperty("test", out var test)
                && test.TryGetProperty("intervals", out var intervals)
            )
            {
                foreach (var name in ShownMetrics)
                {
                    if (intervals.TryGetProperty(name, out var interval))
                    {
                        metrics[name] = JsonNode.Parse(interval.GetRawText());
                    }
                }
            }
            models.Add(
                new JsonObject
                {
                    ["name"] = model.GetProperty("name").GetString(),
                    ["test"] = metrics,
                }
            );
        }
        return models;
    }

    private static long Long(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    private static string Render(JsonObject s, string summaryPath)
    {
        var c = CultureInfo.InvariantCulture;
        var data = s["dataset"]!;
        var train = s["train"]!;
        var batch = s["batch"]!;
        var mon = s["monitoring"]!;
        var text = new StringBuilder();
        void Row(string label, string value) => text.Append(c, $"{label, -12} {value}\n");
        Row(
            "Data",
            string.Create(
                c,
                $"{data["path"]} ({(long)data["rowsAccepted"]!:N0} rows accepted, {(long)data["rowsRejected"]!:N0} rejected)"
            )
        );
        Row("EDA", (string)s["eda"]!["html"]!);
        foreach (var model in train["models"]!.AsArray())
        {
            var parts = model!["test"]!
                .AsObject()
                .Select(m =>
                    string.Create(
                        c,
                        $"{m.Key} {Number(m.Value!["estimate"])} [{Number(m.Value!["lower"])}, {Number(m.Value!["upper"])}]"
                    )
                );
            Row("Model", $"{model["name"]}: {string.Join("; ", parts)} (95% CI)");
        }
        Row(
            "Registered",
            $"{train["registeredModel"]} v{train["version"]} — {((bool)train["promoted"]! ? "promoted to champion" : "not promoted (the gate kept the champion)")}"
        );
        Row("Training", (string)train["report"]!);
        Row(
            "Batch",
            string.Create(
                c,
                $"{batch["model"]}: read {(long)batch["rowsRead"]!:N0} = scored {(long)batch["rowsScored"]!:N0} + rejected {(long)batch["rowsRejected"]!:N0}; label 1: {(long)batch["positiveLabels"]!:N0}"
            )
        );
        Row("Predictions", (string)batch["output"]!);
        var drifted = string.Join(", ", mon["driftedColumns"]!.AsArray().Select(n => (string)n!));
        Row(
            "Drift",
            ((bool)mon["datasetDrift"]! ? "dataset drift" : "no dataset drift")
                + (drifted.Length > 0 ? $"; drifted: {drifted}" : "; no column drifted")
        );
        var rules = string.Join(", ", mon["firedRules"]!.AsArray().Select(n => (string)n!));
        Row(
            "Alerts",
            string.Create(c, $"{(long)mon["alertsFired"]!} fired")
                + (rules.Length > 0 ? $": {rules}" : "")
                + string.Create(
                    c,
                    $"; {(long)mon["alertsSuppressed"]!} suppressed (still breached, in cool-down)"
                )
        );
        Row("Monitoring", (string)mon["report"]!);
        Row(
            "Runs",
            $"training {train["pipelineRun"]}, batch-scoring {batch["pipelineRun"]}, monitoring {mon["pipelineRun"]} (mhi pipeline show RUN)"
        );
        Row("Summary", summaryPath);
        text.Append("A screening aid, not a diagnosis.");
        return text.ToString();
    }

    private static string Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out double d)
            ? d.ToString("0.000", CultureInfo.InvariantCulture)
            : "n/a";
}
