using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Pipelines.Configuration;

/// <summary>Source-generated JSON for the settings file (camelCase, comments and trailing commas allowed).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow
)]
[JsonSerializable(typeof(PipelineSettings))]
internal sealed partial class PipelineSettingsJsonContext : JsonSerializerContext;
