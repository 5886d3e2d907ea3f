using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// Finds a key given twice in one JSON object of a settings file. Parsers keep one of the two
/// values silently (System.Text.Json the last), so a file with <c>"When"</c> twice would pass
/// a check with a value nobody reads; the loaders refuse such a file instead, naming the key.
/// </summary>
public static class JsonDuplicateKeys
{
    /// <summary>
    /// The first repeated key as a path (<c>Alerts.Rules[0].When</c>), or null when there is none
    /// or the text is not JSON (the caller's parser reports that). Comments and trailing commas
    /// are allowed, as in the settings files.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="comparer">How keys are matched: as the file's reader matches them.</param>
    public static string? Find(string json, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(comparer);
        var reader = new Utf8JsonReader(
            Encoding.UTF8.GetBytes(json),
            new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            }
        );
        // One frame per open object (keys seen) or array (next index).
        var frames = new Stack<(HashSet<string>? Keys, string Path, int Index)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        var (keys, path, _) = frames.Peek();
                        if (!keys!.Add(property))
                        {
                            return Join(path, property);
                        }
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var here = Child(frames, property);
                        frames.Push(
                            (
                                reader.TokenType == JsonTokenType.StartObject
                                    ? new HashSet<string>(comparer)
                                    : null,
                                here,
                                0
                            )
                        );
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        _ = Child(frames, property);
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The path of the value starting now; in an array, takes the next index.</summary>
    private static string Child(
        Stack<(HashSet<string>? Keys, string Path, int Index)> frames,
        string? property
    )
    {
        if (frames.Count == 0)
        {
            return "";
        }
        var (keys, path, index) = frames.Pop();
        frames.Push((keys, path, keys is null ? index + 1 : index));
        return keys is null
            ? path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]"
            : Join(path, property ?? "");
    }

    private static string Join(string path, string name) =>
        path.Length == 0 ? name : path + "." + name;
}
