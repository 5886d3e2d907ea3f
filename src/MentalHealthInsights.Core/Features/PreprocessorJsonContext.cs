using System.Text.Json.Serialization;

namespace MentalHealthInsights.Core.Features;

/// <summary>
/// Source-generated (reflection-free, trim-safe) JSON metadata for the preprocessor document.
/// Doubles are written in their shortest round-trippable form, so fitted values survive a
/// write/read cycle bit for bit.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true
)]
[JsonSerializable(typeof(PreprocessorDocument))]
internal sealed partial class PreprocessorJsonContext : JsonSerializerContext;
