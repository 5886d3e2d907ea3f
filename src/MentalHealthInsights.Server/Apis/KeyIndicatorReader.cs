using System.Text.Json;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// The key indicators of a registered version: its model run's parent (the training run) keeps
/// training.json under <see cref="ArtifactPath"/>, whose <c>report.models[name].keyIndicators</c>
/// are the ranked table the training report shows. Finished runs never change, so each training
/// run's table is read once and cached (a bounded number of runs). Anything missing or unreadable
/// (a run trained before the file existed, an artifact store that is down) gives an empty list:
/// the model page shows the rest and says the indicators are not available.
/// </summary>
internal static class KeyIndicatorReader
{
    /// <summary>Where the training run keeps training.json.</summary>
    public const string ArtifactPath = "report/training.json";

    // training.json of a 5,000-row XGBoost training is ≈ 400 KB; far larger files are not read.
    private const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly RunArtifactCache<
        IReadOnlyDictionary<string, IReadOnlyList<KeyIndicatorItem>>
    > Cache = new(64);

    /// <summary>The ranked key indicators of the model <paramref name="modelType"/> trained in <paramref name="modelRun"/>'s parent run.</summary>
    public static async Task<IReadOnlyList<KeyIndicatorItem>> ReadAsync(
        TrackingBackend backend,
        Run modelRun,
        string? modelType,
        CancellationToken cancellationToken
    )
    {
        if (modelType is null || modelRun.ParentRunId is not { } parentId)
        {
            return [];
        }
        if (!Cache.TryGetValue(parentId, out var byModel))
        {
            byModel = await LoadAsync(backend, parentId, cancellationToken);
            if (byModel is null)
            {
                return [];
            }
            Cache.Set(parentId, byModel);
        }
        return byModel.TryGetValue(modelType, out var indicators) ? indicators : [];
    }

    private static async Task<IReadOnlyDictionary<
        string,
        IReadOnlyList<KeyIndicatorItem>
    >?> LoadAsync(TrackingBackend backend, string parentId, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await RunArtifactFile.ReadAsync(
                backend,
                parentId,
                ArtifactPath,
                MaxFileBytes,
                cancellationToken
            );
            if (bytes is null)
            {
                return null;
            }
            using var document = JsonDocument.Parse(bytes);
            return Parse(document.RootElement);
        }
        catch (Exception ex)
            when (ModelLoader.IsLoadFailure(ex) || ex is KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The key indicators per model name in a training.json document.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<KeyIndicatorItem>> Parse(
        JsonElement root
    )
    {
        var byModel = new Dictionary<string, IReadOnlyList<KeyIndicatorItem>>(
            StringComparer.Ordinal
        );
        if (
            !root.TryGetProperty("report", out var report)
            || !report.TryGetProperty("models", out var models)
            || models.ValueKind != JsonValueKind.Array
        )
        {
            return byModel;
        }
        foreach (var model in models.EnumerateArray())
        {
            if (
                !model.TryGetProperty("name", out var name)
                || name.ValueKind != JsonValueKind.String
                || !model.TryGetProperty("keyIndicators", out var indicators)
                || indicators.ValueKind != JsonValueKind.Array
            )
            {
                continue;
            }
            byModel[name.GetString()!] = indicators
                .EnumerateArray()
                .Select(k => new KeyIndicatorItem(
                    k.GetProperty("rank").GetInt32(),
                    k.GetProperty("column").GetString() ?? "",
                    Number(k, "importance"),
                    Number(k, "importanceStandardDeviation"),
                    k.TryGetProperty("direction", out var d) ? d.GetString() ?? "None" : "None",
                    k.TryGetProperty("directionText", out var t) ? t.GetString() ?? "" : ""
                ))
                .OrderBy(k => k.Rank)
                .ToList();
        }
        return byModel;
    }

    // training.json writes NaN as the string "NaN" (valid JSON); the API answers null.
    private static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetDouble(out var number)
        && double.IsFinite(number)
            ? number
            : null;
}
