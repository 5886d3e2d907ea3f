using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>
/// Source-generated JSON metadata for monitoring.json and reference-profile.json. NaN and ±∞
/// are written as "NaN", "Infinity" and "-Infinity" so the files stay valid JSON.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true
)]
[JsonSerializable(typeof(MonitoringReport))]
[JsonSerializable(typeof(ReferenceProfile))]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext;
