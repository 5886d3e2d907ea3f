using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>
/// Source-generated JSON metadata for training.json. NaN and ±∞ (an AUC on a one-class fold, the
/// +∞ threshold of a curve's first point) are written as the strings "NaN", "Infinity" and
/// "-Infinity" so the file stays valid JSON.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true
)]
[JsonSerializable(typeof(TrainingJsonDocument))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
