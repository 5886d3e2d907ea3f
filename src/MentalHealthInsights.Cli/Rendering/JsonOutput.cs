using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentalHealthInsights.Cli.Rendering;

/// <summary>The one JSON style of <c>--json</c> output: indented, camelCase keys.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Format(JsonNode node) => node.ToJsonString(Options);
}
