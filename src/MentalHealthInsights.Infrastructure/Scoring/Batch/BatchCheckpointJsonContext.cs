using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>Source-generated JSON for <see cref="BatchCheckpoint"/>.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase
)]
[JsonSerializable(typeof(BatchCheckpoint))]
internal sealed partial class BatchCheckpointJsonContext : JsonSerializerContext;
