using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

/// <summary>
/// MLflow keeps no alias history, so the REST registry writes one registered-model tag per
/// change: key <c>mhi.alias_history.&lt;sequence, 8 digits&gt;</c>, value a JSON object
/// <c>{"alias","from_version","to_version","changed_by","changed_at","reason"}</c>. The tags are
/// hidden from <see cref="RegisteredModel.Tags"/>.
/// </summary>
internal static class AliasHistoryTags
{
    public const string Prefix = "mhi.alias_history.";

    public static bool IsHistoryKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Key(long sequence) =>
        Prefix + sequence.ToString("D8", CultureInfo.InvariantCulture);

    public static string Value(WireAliasChange change)
    {
        var text = JsonSerializer.Serialize(change, MlflowJsonContext.Default.WireAliasChange);
        if (text.Length <= TrackingLimits.MaxRegistryTagValueLength || change.Reason is null)
        {
            return text;
        }
        // A tag value holds 5000 characters on MLflow 2.x: shorten an essay-length reason.
        var excess = text.Length - TrackingLimits.MaxRegistryTagValueLength + 16;
        change.Reason = change.Reason[..Math.Max(0, change.Reason.Length - excess)] + "…";
        return JsonSerializer.Serialize(change, MlflowJsonContext.Default.WireAliasChange);
    }

    public static List<AliasChange> Read(string modelName, List<WireKeyValue>? tags)
    {
        var history = new List<AliasChange>();
        foreach (var tag in tags ?? [])
        {
            if (
                tag.Key is null
                || !IsHistoryKey(tag.Key)
                || !long.TryParse(
                    tag.Key.AsSpan(Prefix.Length),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var sequence
                )
            )
            {
                continue;
            }
            WireAliasChange? change;
            try
            {
                change = JsonSerializer.Deserialize(
                    tag.Value ?? "",
                    MlflowJsonContext.Default.WireAliasChange
                );
            }
            catch (JsonException)
            {
                continue; // Someone edited the tag by hand: skip it rather than fail every read.
            }
            if (change?.Alias is null)
            {
                continue;
            }
            history.Add(
                new AliasChange(
                    sequence,
                    modelName,
                    change.Alias,
                    change.FromVersion,
                    change.ToVersion,
                    change.ChangedBy ?? "unknown",
                    change.ChangedAt,
                    change.Reason
                )
            );
        }
        history.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return history;
    }
}
