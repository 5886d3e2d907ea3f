using System.Globalization;
using System.Text.Json;

namespace MentalHealthInsights.Core.Serialization;

/// <summary>
/// Typed reads of <see cref="JsonElement"/> values with the rules the source-generated
/// serializer applies to nullable members (JSON null gives null; a value of another kind is a
/// <see cref="JsonException"/> naming its path), for the documents a short-lived process reads
/// at start-up without the serializer: its metadata for value-type members is generic code that
/// ReadyToRun cannot precompile, so the first document of a kind cost tens of milliseconds of
/// JIT (docs/model-bundle.md, "Reading without the serializer").
/// </summary>
public static class JsonDocumentValues
{
    /// <summary>
    /// Parses <paramref name="json"/> and maps its root with <paramref name="map"/> (path "$");
    /// null when the root is the JSON literal null.
    /// </summary>
    /// <exception cref="JsonException">Not JSON, or a value of the wrong kind.</exception>
    public static T? Read<T>(ReadOnlySpan<byte> json, Func<JsonElement, string, T> map)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(map);
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The JSON document has more than one value.");
        }

        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Null ? null : map(root, "$");
    }

    /// <summary>The members of an object (a value of another kind is an error).</summary>
    public static JsonElement.ObjectEnumerator Members(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject()
            : throw WrongKind(path, "an object");

    /// <summary>An array, each item read by <paramref name="item"/> with its path; null for null.</summary>
    public static List<T>? List<T>(
        JsonElement element,
        string path,
        Func<JsonElement, string, T> item
    )
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(path, "an array");
        }

        var list = new List<T>(element.GetArrayLength());
        var i = 0;
        foreach (var e in element.EnumerateArray())
        {
            list.Add(item(e, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]")));
        }

        return list;
    }

    // A list of non-nullable doubles: a null element is an error, as for the serializer.
    /// <summary>An array of numbers, none null; null for null.</summary>
    public static List<double>? Doubles(JsonElement element, string path) =>
        List(element, path, (e, at) => Number(e, at) ?? throw WrongKind(at, "a number"));

    /// <summary>An object as a map (ordinal keys, the last of repeated names wins); null for null.</summary>
    public static Dictionary<string, T>? Map<T>(
        JsonElement element,
        string path,
        Func<JsonElement, string, T> value
    )
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var p in Members(element, path))
        {
            map[p.Name] = value(p.Value, path + "." + p.Name);
        }

        return map;
    }

    /// <summary>A string; null for null.</summary>
    public static string? Text(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                try
                {
                    return element.GetString();
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate (\ud800): the serializer rejects it too.
                    throw WrongKind(path, "a valid UTF-16 string");
                }

            default:
                throw WrongKind(path, "a string");
        }
    }

    /// <summary>A 32-bit whole number; null for null.</summary>
    public static int? Whole(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when element.TryGetInt32(out var value) => value,
            _ => throw WrongKind(path, "a 32-bit whole number"),
        };

    /// <summary>A 64-bit whole number; null for null.</summary>
    public static long? Whole64(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when element.TryGetInt64(out var value) => value,
            _ => throw WrongKind(path, "a 64-bit whole number"),
        };

    /// <summary>A number (as the serializer, one too large to be finite reads as infinity); null for null.</summary>
    public static double? Number(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when element.TryGetDouble(out var value) => value,
            _ => throw WrongKind(path, "a finite number"),
        };

    /// <summary>true or false; null for null.</summary>
    public static bool? Flag(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongKind(path, "true or false"),
        };

    /// <summary>An ISO 8601 date and time; null for null.</summary>
    public static DateTimeOffset? Date(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String when element.TryGetDateTimeOffset(out var value) => value,
            _ => throw WrongKind(path, "an ISO 8601 date and time"),
        };

    /// <summary>The error for a value at <paramref name="path"/> that is not <paramref name="expected"/>.</summary>
    public static JsonException WrongKind(string path, string expected) =>
        new($"The JSON value at {path} is not {expected}.", path, null, null);
}
