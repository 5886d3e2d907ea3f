using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Reads <c>{"record": {…}, "feature": "Sleep_Hours", "values": [5, 7.5]}</c> and checks the
/// feature is modifiable and every value valid for it (the same ranges and lists as a record).
/// Without values, a default grid for the feature is used.
/// </summary>
internal static class WhatIfParser
{
    /// <summary>Most values per request.</summary>
    public const int MaxValues = 50;

    /// <summary>The factors a person can change, in the order the page lists them.</summary>
    public static IReadOnlyList<string> ModifiableFeatures { get; } =
    [
        DatasetSchema.SleepHours,
        DatasetSchema.WorkHours,
        DatasetSchema.PhysicalActivityHours,
        DatasetSchema.StressLevel,
    ];

    public sealed record Result(
        ParsedRecord? Record,
        string? Feature,
        IReadOnlyList<double> Numbers,
        IReadOnlyList<string> Levels
    );

    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    public static Result Parse(
        ReadOnlySequence<byte> body,
        ValidationOptions limits,
        FieldErrors errors
    )
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        ParsedRecord? record = null;
        string? feature = null;
        var numbers = new List<double>();
        var strings = new List<string>();
        var valuesGiven = false;
        var recordGiven = false;
        var featureGiven = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(
                "$",
                "must be a JSON object {\"record\": {…}, \"feature\": …, \"values\": […]}"
            );
            reader.Skip();
            while (reader.Read()) { }
            return new Result(null, null, [], []);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (RecordJsonReader.NameIs(ref reader, "record"u8))
            {
                reader.Read();
                if (!FirstTime(ref reader, ref recordGiven, "record", errors))
                {
                    continue;
                }
                record = RecordJsonReader.Read(ref reader, limits, errors, "record.");
            }
            else if (RecordJsonReader.NameIs(ref reader, "feature"u8))
            {
                reader.Read();
                if (!FirstTime(ref reader, ref featureGiven, "feature", errors))
                {
                    continue;
                }
                feature =
                    reader.TokenType == JsonTokenType.String
                        ? RecordJsonReader.GetString(ref reader)
                        : null;
                if (feature is null || !ModifiableFeatures.Contains(feature))
                {
                    errors.Add(
                        "feature",
                        "must be one of " + string.Join(", ", ModifiableFeatures)
                    );
                    feature = null;
                    reader.Skip();
                }
            }
            else if (RecordJsonReader.NameIs(ref reader, "values"u8))
            {
                reader.Read();
                if (!FirstTime(ref reader, ref valuesGiven, "values", errors))
                {
                    continue;
                }
                ReadValues(ref reader, numbers, strings, errors);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        while (reader.Read()) { }
        if (!recordGiven)
        {
            errors.Add("record", "is required");
        }
        if (feature is null)
        {
            if (!errors.HasErrors || !HasFeatureError(errors))
            {
                errors.Add(
                    "feature",
                    "is required: one of " + string.Join(", ", ModifiableFeatures)
                );
            }
            return new Result(record, null, [], []);
        }
        return CheckValues(record, feature, valuesGiven, numbers, strings, limits, errors);
    }

    // True the first time a member is given (and marks it given); a member given again is an
    // error (not the last one silently winning), and its value is skipped.
    private static bool FirstTime(
        ref Utf8JsonReader reader,
        ref bool given,
        string member,
        FieldErrors errors
    )
    {
        if (given)
        {
            errors.Add(member, "appears more than once; send it once");
            reader.Skip();
            return false;
        }
        given = true;
        return true;
    }

    private static bool HasFeatureError(FieldErrors errors) =>
        errors.ToDictionary().ContainsKey("feature");

    private static void ReadValues(
        ref Utf8JsonReader reader,
        List<double> numbers,
        List<string> strings,
        FieldErrors errors
    )
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add("values", "must be an array of numbers or stress levels");
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (numbers.Count + strings.Count == MaxValues)
            {
                errors.Add("values", "must have at most 50 values");
                reader.Skip();
                continue;
            }
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
            {
                numbers.Add(number);
            }
            else if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 64)
            {
                strings.Add(RecordJsonReader.GetString(ref reader) ?? "\uFFFD");
            }
            else
            {
                errors.Add("values", "must hold only numbers or stress levels");
                reader.Skip();
            }
        }
    }

    private static Result CheckValues(
        ParsedRecord? record,
        string feature,
        bool valuesGiven,
        List<double> numbers,
        List<string> strings,
        ValidationOptions limits,
        FieldErrors errors
    )
    {
        if (feature == DatasetSchema.StressLevel)
        {
            if (numbers.Count > 0)
            {
                errors.Add("values", "Stress_Level values must be Low, Medium or High");
            }
            var levels = new List<string>();
            foreach (var text in valuesGiven ? strings : [.. DatasetSchema.StressLevels])
            {
                var level = DatasetSchema.StressLevels.FirstOrDefault(l =>
                    l.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)
                );
                if (level is null)
                {
                    errors.Add("values", "Stress_Level values must be Low, Medium or High");
                    break;
                }
                levels.Add(level);
            }
            CheckNotEmpty(levels.Count, errors);
            return new Result(record, feature, [], levels);
        }
        if (strings.Count > 0)
        {
            errors.Add("values", feature + " values must be numbers");
        }
        var range = feature switch
        {
            DatasetSchema.SleepHours => limits.SleepHours,
            DatasetSchema.WorkHours => limits.WorkHours,
            _ => limits.PhysicalActivityHours,
        };
        var grid = valuesGiven ? numbers : DefaultGrid(feature);
        foreach (var value in grid)
        {
            if (!double.IsFinite(value) || !range.Contains(value))
            {
                errors.Add(
                    "values",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{feature} values must be between {range.Min} and {range.Max}"
                    )
                );
                break;
            }
        }
        CheckNotEmpty(grid.Count, errors);
        return new Result(record, feature, grid, []);
    }

    private static void CheckNotEmpty(int count, FieldErrors errors)
    {
        if (count == 0)
        {
            errors.Add(
                "values",
                "must hold at least one value (or be omitted for the default grid)"
            );
        }
    }

    private static List<double> DefaultGrid(string feature) =>
        feature switch
        {
            DatasetSchema.SleepHours => [4, 5, 6, 7, 8, 9],
            DatasetSchema.WorkHours => [20, 30, 40, 50, 60, 70],
            _ => [0, 2, 4, 6, 8, 10],
        };
}
