using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Reads one prediction record (a flat JSON object keyed by the dataset's column names) straight
/// from the UTF-8 body, with the training rules: numbers in the configured ranges, Stress_Level
/// and Consultation_History from their closed lists, unknown Gender/Occupation/Country mapped to
/// "Other" and flagged. All nine features are required; <c>null</c> means "unknown" and is
/// imputed as in training. Every problem becomes a field error; no exceptions on bad values
/// (malformed JSON itself surfaces as <see cref="JsonException"/> from the reader).
/// </summary>
internal static partial class RecordJsonReader
{
    /// <summary>Longest accepted string field, as in ingestion (ValidationOptions.MaxFieldLength).</summary>
    public const int MaxFieldLength = 1024;

    private const int ShortText = 256;

    private const string TooLongMessage = "must be at most 1024 characters";

    private static readonly string[] YesNo = ["Yes", "No"];

    /// <summary>
    /// Reads the value at the reader's current token; on return the reader is on the value's last
    /// token. Returns null when the record has errors (added to <paramref name="errors"/>, field
    /// names prefixed with <paramref name="prefix"/>).
    /// </summary>
    public static ParsedRecord? Read(
        ref Utf8JsonReader reader,
        ValidationOptions limits,
        FieldErrors errors,
        string prefix = ""
    )
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(
                prefix.Length == 0 ? "$" : prefix.TrimEnd('.'),
                "must be a JSON object with the nine feature fields"
            );
            reader.Skip();
            return null;
        }
        var state = new RecordState();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader);
            reader.Read();
            if (field < 0)
            {
                // Unknown members (e.g. Mental_Health_Condition of a whole dataset row) are ignored.
                reader.Skip();
                continue;
            }
            var bit = 1 << field;
            if ((state.Seen & bit) != 0)
            {
                Fail(ref state, errors, prefix, field, "is given more than once");
                reader.Skip();
                continue;
            }
            state.Seen |= bit;
            ReadField(ref reader, field, limits, errors, prefix, ref state);
        }
        for (var field = FirstFeature; field < FieldNames.Length; field++)
        {
            if ((state.Seen & (1 << field)) == 0)
            {
                Fail(ref state, errors, prefix, field, "is required (send null when unknown)");
            }
        }
        return state.Failed ? null : state.ToParsed();
    }

    private static void ReadField(
        ref Utf8JsonReader reader,
        int field,
        ValidationOptions limits,
        FieldErrors errors,
        string prefix,
        ref RecordState s
    )
    {
        switch (field)
        {
            case UserIdField:
                ReadUserId(ref reader, errors, prefix, ref s);
                break;
            case AgeField:
                s.Age = ReadNumber(ref reader, limits.Age, field, errors, prefix, ref s);
                break;
            case SleepField:
                s.Sleep = ReadNumber(ref reader, limits.SleepHours, field, errors, prefix, ref s);
                break;
            case WorkField:
                s.Work = ReadNumber(ref reader, limits.WorkHours, field, errors, prefix, ref s);
                break;
            case ActivityField:
                s.Activity = ReadNumber(
                    ref reader,
                    limits.PhysicalActivityHours,
                    field,
                    errors,
                    prefix,
                    ref s
                );
                break;
            case GenderField:
                s.Gender = ReadOpen(ref reader, Genders, field, errors, prefix, ref s);
                break;
            case OccupationField:
                s.Occupation = ReadOpen(ref reader, Occupations, field, errors, prefix, ref s);
                break;
            case CountryField:
                s.Country = ReadOpen(ref reader, Countries, field, errors, prefix, ref s);
                break;
            case StressField:
                s.Stress = ReadStress(ref reader, errors, prefix, ref s);
                break;
            default:
                s.Consultation = ReadYesNo(ref reader, errors, prefix, ref s);
                break;
        }
    }

    private static double ReadNumber(
        ref Utf8JsonReader reader,
        NumericRange range,
        int field,
        FieldErrors errors,
        string prefix,
        ref RecordState s
    )
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return double.NaN;
            case JsonTokenType.Number
                when reader.TryGetDouble(out var value) && double.IsFinite(value):
                if (range.Contains(value))
                {
                    return value;
                }
                Fail(
                    ref s,
                    errors,
                    prefix,
                    field,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"must be between {range.Min} and {range.Max}"
                    )
                );
                return double.NaN;
            case JsonTokenType.Number:
                Fail(ref s, errors, prefix, field, "must be a finite number");
                return double.NaN;
            default:
                Fail(ref s, errors, prefix, field, "must be a number (or null when unknown)");
                reader.Skip();
                return double.NaN;
        }
    }

    private static string ReadOpen(
        ref Utf8JsonReader reader,
        string[] known,
        int field,
        FieldErrors errors,
        string prefix,
        ref RecordState s
    )
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return DatasetSchema.Other;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            Fail(ref s, errors, prefix, field, "must be a string (or null when unknown)");
            reader.Skip();
            return DatasetSchema.Other;
        }
        switch (ReadText(ref reader, known, out var canonical))
        {
            case Text.TooLong:
                Fail(ref s, errors, prefix, field, TooLongMessage);
                return DatasetSchema.Other;
            case Text.Empty:
                return DatasetSchema.Other;
            case Text.Known:
                return canonical!;
            case Text.Other:
                return DatasetSchema.Other;
            default:
                // Unknown, like training's open lists.
                s.MarkMapped(field);
                return DatasetSchema.Other;
        }
    }

    private static string? ReadStress(
        ref Utf8JsonReader reader,
        FieldErrors errors,
        string prefix,
        ref RecordState s
    )
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            switch (ReadText(ref reader, StressLevels, out var canonical))
            {
                case Text.Empty:
                    return null;
                case Text.Known:
                    return canonical;
                case Text.TooLong:
                    Fail(ref s, errors, prefix, StressField, TooLongMessage);
                    return null;
            }
        }
        else
        {
            reader.Skip();
        }
        Fail(ref s, errors, prefix, StressField, "must be one of Low, Medium, High (or null)");
        return null;
    }

    private static bool? ReadYesNo(
        ref Utf8JsonReader reader,
        FieldErrors errors,
        string prefix,
        ref RecordState s
    )
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                switch (ReadText(ref reader, YesNo, out var canonical))
                {
                    case Text.Empty:
                        return null;
                    case Text.Known:
                        return ReferenceEquals(canonical, YesNo[0]);
                    case Text.TooLong:
                        Fail(ref s, errors, prefix, ConsultationField, TooLongMessage);
                        return null;
                }
                break;
            default:
                reader.Skip();
                break;
        }
        Fail(
            ref s,
            errors,
            prefix,
            ConsultationField,
            "must be \"Yes\", \"No\", true, false or null"
        );
        return null;
    }

    /// <summary>What a string value is, trimmed, against a list of known values.</summary>
    private enum Text
    {
        /// <summary>Empty or white space only.</summary>
        Empty,

        /// <summary>One of the known values, ignoring case.</summary>
        Known,

        /// <summary>"Other" itself, ignoring case.</summary>
        Other,

        /// <summary>None of the known values.</summary>
        Unknown,

        /// <summary>Longer than <see cref="MaxFieldLength"/> characters (before trimming, as ingestion counts).</summary>
        TooLong,
    }

    /// <summary>
    /// Reads the string at the reader and matches it, trimmed, to <paramref name="known"/>. The
    /// length limit counts characters, as ingestion does, not the bytes of the JSON text (an
    /// escape such as <c>\u00e9</c> is six bytes for one character). Values of up to
    /// <see cref="ShortText"/> bytes, every known value among them, are read on the stack; longer
    /// ones (white space around a known value, or unknown text) on the heap.
    /// </summary>
    private static Text ReadText(ref Utf8JsonReader reader, string[] known, out string? canonical)
    {
        canonical = null;
        var bytes = ValueLength(ref reader);
        // Every character takes at least one byte and at most six (\uXXXX).
        if (bytes > MaxFieldLength * 6L)
        {
            return Text.TooLong;
        }
        Span<char> buffer = bytes <= ShortText ? stackalloc char[ShortText] : new char[(int)bytes];
        var length = CopyString(ref reader, buffer);
        if (length > MaxFieldLength)
        {
            return Text.TooLong;
        }
        var text = buffer[..length].Trim();
        if (text.IsEmpty)
        {
            return Text.Empty;
        }
        canonical = Match(text, known);
        return canonical is not null ? Text.Known
            : text.Equals(DatasetSchema.Other, StringComparison.OrdinalIgnoreCase) ? Text.Other
            : Text.Unknown;
    }

    private static void ReadUserId(
        ref Utf8JsonReader reader,
        FieldErrors errors,
        string prefix,
        ref RecordState s
    )
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            Fail(ref s, errors, prefix, UserIdField, "must be a string (or absent)");
            reader.Skip();
            return;
        }
        var id = GetString(ref reader)?.Trim();
        if (id is null)
        {
            Fail(ref s, errors, prefix, UserIdField, "must be valid Unicode text");
            return;
        }
        if (id.Length > MaxFieldLength)
        {
            Fail(ref s, errors, prefix, UserIdField, TooLongMessage);
            return;
        }
        s.UserId = id.Length == 0 ? null : id;
    }

    private static void Fail(
        ref RecordState s,
        FieldErrors errors,
        string prefix,
        int field,
        string message
    )
    {
        s.Failed = true;
        errors.Add(prefix.Length == 0 ? FieldNames[field] : prefix + FieldNames[field], message);
    }

    /// <summary>
    /// Copies the string value; an escaped lone surrogate (invalid UTF-16) becomes U+FFFD, which
    /// no list matches, instead of an exception.
    /// </summary>
    private static int CopyString(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        try
        {
            return reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            buffer[0] = '\uFFFD';
            return 1;
        }
    }

    /// <summary>
    /// Whether the property name at the reader is <paramref name="name"/>. A name that is not
    /// valid UTF-16 (an escaped lone surrogate) is no known name — where
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> would throw.
    /// </summary>
    internal static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        (!reader.ValueIsEscaped || HasValidText(ref reader)) && reader.ValueTextEquals(name);

    /// <summary>Whether the (escaped) string or name at the reader unescapes to valid UTF-16.</summary>
    private static bool HasValidText(ref Utf8JsonReader reader) =>
        GetString(ref reader) is not null;

    /// <summary>The string value, or null when it is not valid UTF-16 (an escaped lone surrogate).</summary>
    internal static string? GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The raw (escaped) length in bytes of the token's value, also when it spans segments.</summary>
    internal static long ValueLength(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

    private static string? Match(ReadOnlySpan<char> text, string[] canonical)
    {
        foreach (var candidate in canonical)
        {
            if (text.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        return null;
    }
}
