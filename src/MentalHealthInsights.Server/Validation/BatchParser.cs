using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Server.Validation;

/// <summary>
/// Reads <c>{"records": [ … ]}</c>: each record validated on its own (an invalid record gets its
/// own errors and never fails the others); too many records or a wrong shape is a request error.
/// </summary>
internal static class BatchParser
{
    public readonly record struct Result(
        List<(ParsedRecord? Record, FieldErrors? Errors)> Items,
        string? Problem
    );

    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    public static Result Parse(
        ReadOnlySequence<byte> body,
        ValidationOptions limits,
        int maxRecords
    )
    {
        var items = new List<(ParsedRecord?, FieldErrors?)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new Result(items, "The body must be a JSON object {\"records\": [ … ]}.");
        }
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRecords = RecordJsonReader.NameIs(ref reader, "records"u8);
            reader.Read();
            if (!isRecords)
            {
                reader.Skip();
                continue;
            }
            if (found)
            {
                return new Result(items, "\"records\" appears more than once; send one array.");
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return new Result(items, "\"records\" must be an array of records.");
            }
            found = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (items.Count == maxRecords)
                {
                    return new Result(
                        items,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"At most {maxRecords} records per request."
                        )
                    );
                }
                var errors = new FieldErrors();
                var record = RecordJsonReader.Read(ref reader, limits, errors);
                items.Add(record is null ? (null, errors) : (record, null));
            }
        }
        while (reader.Read()) { }
        return found
            ? new Result(items, null)
            : new Result(items, "The body must have a \"records\" array.");
    }
}
