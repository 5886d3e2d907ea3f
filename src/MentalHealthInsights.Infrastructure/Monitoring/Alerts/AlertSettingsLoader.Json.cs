using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

// Typed reads that record a problem (with its JSON path) instead of throwing.
public static partial class AlertSettingsLoader
{
    private static TimeSpan Seconds(double? value, TimeSpan fallback) =>
        value is { } seconds && double.IsFinite(seconds) && Math.Abs(seconds) < 1e6
            ? TimeSpan.FromSeconds(seconds)
        : value is null ? fallback
        : TimeSpan.FromSeconds(-1);

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static void CheckKeys(
        JsonElement element,
        string[] known,
        string path,
        List<string> problems
    )
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                var where = path.Length == 0 ? "" : path + ".";
                problems.Add(
                    $"{where}{property.Name} is not a known setting; known: {string.Join(", ", known)}."
                );
            }
        }
    }

    private static string? ReadString(
        JsonElement element,
        string name,
        string prefix,
        List<string> problems
    )
    {
        if (Property(element, name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{prefix}{name} must be a string.");
            return null;
        }
        return value.GetString();
    }

    private static double? ReadNumber(
        JsonElement element,
        string name,
        string prefix,
        List<string> problems
    )
    {
        if (Property(element, name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            problems.Add($"{prefix}{name} must be a number.");
            return null;
        }
        return number;
    }

    private static bool ReadBool(JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        problems.Add($"{path} must be true or false.");
        return false;
    }
}
