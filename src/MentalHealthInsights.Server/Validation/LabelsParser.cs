using System.Buffers;
using System.Text.Json;

namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Reads <c>{"labels": [{"User_ID": "…", "outcome": true|false}, …]}</c> by the rules of every
/// other body (docs/serving.md): member names exact (case-sensitive), a member given twice is an
/// error rather than the last one winning, a wrong type is a field error naming the item, and
/// anything after the object is malformed JSON, and one User_ID given two different outcomes is an
/// error on the later item. Unknown members are ignored. Messages name rules, never the submitted
/// values.
/// </summary>
internal static class LabelsParser
{
    private const string ItemShape = "{\"User_ID\": …, \"outcome\": true|false}";

    /// <summary>The labels read, in order; empty when <paramref name="errors"/> has any.</summary>
    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    public static List<(string UserId, bool Outcome)> Parse(
        ReadOnlySequence<byte> body,
        FieldErrors errors
    )
    {
        var labels = new List<(string, bool)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add("$", "must be a JSON object {\"labels\": [" + ItemShape + ", …]}");
            reader.Skip();
            ReadToEnd(ref reader);
            return [];
        }
        var given = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLabels = RecordJsonReader.NameIs(ref reader, "labels"u8);
            reader.Read();
            if (!isLabels)
            {
                reader.Skip();
            }
            else if (given)
            {
                errors.Add("labels", "appears more than once; send one array");
                reader.Skip();
            }
            else
            {
                given = true;
                ReadItems(ref reader, labels, errors);
            }
        }
        ReadToEnd(ref reader);
        if (!given || (labels.Count == 0 && !errors.HasErrors))
        {
            errors.Add("labels", "must be a non-empty array of " + ItemShape);
        }
        if (!errors.HasErrors)
        {
            CheckConflicts(labels, errors);
        }
        return errors.HasErrors ? [] : labels;
    }

    // One User_ID with two outcomes in a call is refused (which one is true is not ours to
    // guess); the same outcome again is harmless and counted by the caller.
    private static void CheckConflicts(List<(string Id, bool Outcome)> labels, FieldErrors errors)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (
                !first.TryAdd(labels[i].Id, i)
                && labels[first[labels[i].Id]].Outcome != labels[i].Outcome
            )
            {
                errors.Add(
                    $"labels[{i}].outcome",
                    $"differs from labels[{first[labels[i].Id]}].outcome for the same User_ID; send one outcome per User_ID"
                );
            }
        }
    }

    private static void ReadItems(
        ref Utf8JsonReader reader,
        List<(string, bool)> labels,
        FieldErrors errors
    )
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add("labels", "must be a non-empty array of " + ItemShape);
            reader.Skip();
            return;
        }
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            var prefix = $"labels[{i}].";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add($"labels[{i}]", "must be an object " + ItemShape);
                reader.Skip();
                continue;
            }
            if (ReadItem(ref reader, prefix, errors) is { } label)
            {
                labels.Add(label);
            }
        }
    }

    private static (string, bool)? ReadItem(
        ref Utf8JsonReader reader,
        string prefix,
        FieldErrors errors
    )
    {
        string? id = null;
        bool? outcome = null;
        bool idGiven = false,
            outcomeGiven = false,
            failed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = RecordJsonReader.NameIs(ref reader, "User_ID"u8);
            var isOutcome = !isId && RecordJsonReader.NameIs(ref reader, "outcome"u8);
            reader.Read();
            if ((isId && idGiven) || (isOutcome && outcomeGiven))
            {
                errors.Add(prefix + (isId ? "User_ID" : "outcome"), "appears more than once");
                failed = true;
            }
            else if (isId)
            {
                idGiven = true;
                id = ReadId(ref reader);
            }
            else if (isOutcome)
            {
                outcomeGiven = true;
                outcome = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => null,
                };
            }
            reader.Skip();
        }
        if (id is null)
        {
            errors.Add(prefix + "User_ID", "is required (a string of 1–1024 characters)");
        }
        if (outcome is null)
        {
            errors.Add(prefix + "outcome", "is required (true or false)");
        }
        return failed || id is null || outcome is null ? null : (id, outcome.Value);
    }

    // The trimmed id, or null when it is not a string of 1–1024 characters of valid UTF-16.
    private static string? ReadId(ref Utf8JsonReader reader)
    {
        if (
            reader.TokenType != JsonTokenType.String
            || RecordJsonReader.ValueLength(ref reader) > RecordJsonReader.MaxFieldLength * 6
        )
        {
            return null;
        }
        return
            RecordJsonReader.GetString(ref reader)?.Trim()
                is { Length: > 0 and <= RecordJsonReader.MaxFieldLength } id
            ? id
            : null;
    }

    // Reads past the root value: trailing content makes the reader throw (malformed JSON).
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read()) { }
    }
}
