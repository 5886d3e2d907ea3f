using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>Source-generated JSON metadata for <see cref="MonitoringSnapshotFile"/>; NaN and ±∞ as named literals.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals
)]
[JsonSerializable(typeof(MonitoringSnapshot))]
internal sealed partial class MonitoringSnapshotJsonContext : JsonSerializerContext;
