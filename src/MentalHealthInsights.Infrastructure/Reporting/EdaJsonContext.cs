using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Source-generated JSON metadata for eda.json. NaN and ±∞ (an untestable feature, a constant
/// column) are written as the strings "NaN", "Infinity" and "-Infinity" so the file stays valid JSON.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true
)]
[JsonSerializable(typeof(EdaJsonDocument))]
internal sealed partial class EdaJsonContext : JsonSerializerContext;
