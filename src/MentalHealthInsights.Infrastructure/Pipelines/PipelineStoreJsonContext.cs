using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>Source-generated JSON for the run store's parameter, output and link columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<PipelineLink>))]
internal sealed partial class PipelineStoreJsonContext : JsonSerializerContext;
