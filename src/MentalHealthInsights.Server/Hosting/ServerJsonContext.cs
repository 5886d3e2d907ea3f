using System.Text.Json;
using System.Text.Json.Serialization;
using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>Source-generated JSON for every API contract (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PredictionResponse))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(WhatIfResponse))]
[JsonSerializable(typeof(LabelsRequest))]
[JsonSerializable(typeof(LabelsResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(RegistryResponse))]
[JsonSerializable(typeof(ReloadOutcome))]
[JsonSerializable(typeof(PredictionRequest))]
[JsonSerializable(typeof(BatchRequest))]
[JsonSerializable(typeof(WhatIfRequest))]
[JsonSerializable(typeof(MonitoringSnapshotsResponse))]
[JsonSerializable(typeof(MonitoringAlertsResponse))]
[JsonSerializable(typeof(PipelineRunsResponse))]
[JsonSerializable(typeof(PipelineRunResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
