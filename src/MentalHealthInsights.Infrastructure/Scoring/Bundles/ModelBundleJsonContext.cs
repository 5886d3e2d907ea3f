using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// Source-generated (reflection-free) JSON metadata for the bundle's own documents: camelCase,
/// indented with LF line breaks (same bytes on every OS), nulls written. Doubles are written in
/// their shortest round-trippable form, so values survive a write/read cycle bit for bit.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    NewLine = "\n",
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never
)]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(MetadataDocument))]
[JsonSerializable(typeof(CalibrationDocument))]
internal sealed partial class ModelBundleJsonContext : JsonSerializerContext;
