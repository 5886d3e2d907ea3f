using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

// MLflow's REST 2.0 wire shapes (proto field names, snake_case through the JSON context). Kept in
// one file because they are one schema read together, and internal: callers see Core's entities.
// Repeated and optional fields are nullable because MLflow omits empty ones.

internal sealed class WireKeyValue
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}

internal sealed class WireMetric
{
    public string? Key { get; set; }
    public double Value { get; set; }
    public long Timestamp { get; set; }
    public long Step { get; set; }
}

internal sealed class WireExperiment
{
    public string? ExperimentId { get; set; }
    public string? Name { get; set; }
    public string? ArtifactLocation { get; set; }
    public string? LifecycleStage { get; set; }
    public long? CreationTime { get; set; }
    public long? LastUpdateTime { get; set; }
    public List<WireKeyValue>? Tags { get; set; }
}

internal sealed class WireRunInfo
{
    public string? RunId { get; set; }
    public string? RunUuid { get; set; }
    public string? RunName { get; set; }
    public string? ExperimentId { get; set; }
    public string? UserId { get; set; }
    public string? Status { get; set; }
    public long? StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? ArtifactUri { get; set; }
    public string? LifecycleStage { get; set; }
}

internal sealed class WireRunData
{
    public List<WireMetric>? Metrics { get; set; }
    public List<WireKeyValue>? Params { get; set; }
    public List<WireKeyValue>? Tags { get; set; }
}

internal sealed class WireRun
{
    public WireRunInfo? Info { get; set; }
    public WireRunData? Data { get; set; }
}

internal sealed class WireRegisteredModelAlias
{
    public string? Alias { get; set; }
    public string? Version { get; set; }
}

internal sealed class WireRegisteredModel
{
    public string? Name { get; set; }
    public long? CreationTimestamp { get; set; }
    public long? LastUpdatedTimestamp { get; set; }
    public string? UserId { get; set; }
    public string? Description { get; set; }
    public List<WireModelVersion>? LatestVersions { get; set; }
    public List<WireKeyValue>? Tags { get; set; }
    public List<WireRegisteredModelAlias>? Aliases { get; set; }
}

internal sealed class WireModelVersion
{
    public string? Name { get; set; }
    public string? Version { get; set; }
    public long? CreationTimestamp { get; set; }
    public long? LastUpdatedTimestamp { get; set; }
    public string? UserId { get; set; }
    public string? CurrentStage { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
    public string? RunId { get; set; }
    public string? Status { get; set; }
    public string? StatusMessage { get; set; }
    public List<WireKeyValue>? Tags { get; set; }
    public string? RunLink { get; set; }
    public List<string>? Aliases { get; set; }
}

internal sealed class WireFileInfo
{
    public string? Path { get; set; }
    public bool? IsDir { get; set; }
    public long? FileSize { get; set; }
}

internal sealed class WireError
{
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
}

/// <summary>A request or response with any of MLflow's fields; unset ones are not sent.</summary>
internal sealed class WireMessage
{
    // Requests.
    public string? Name { get; set; }
    public string? NewName { get; set; }
    public string? ArtifactLocation { get; set; }
    public string? ExperimentId { get; set; }
    public List<string>? ExperimentIds { get; set; }
    public string? RunId { get; set; }
    public string? RunName { get; set; }
    public string? UserId { get; set; }
    public long? StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? Status { get; set; }
    public string? Key { get; set; }
    public string? Value { get; set; }
    public string? Filter { get; set; }
    public long? MaxResults { get; set; }
    public List<string>? OrderBy { get; set; }
    public string? PageToken { get; set; }
    public string? ViewType { get; set; }
    public string? RunViewType { get; set; }
    public string? Source { get; set; }
    public string? RunLink { get; set; }
    public string? Description { get; set; }
    public string? Version { get; set; }
    public string? Alias { get; set; }
    public List<WireKeyValue>? Tags { get; set; }
    public List<WireMetric>? Metrics { get; set; }
    public List<WireKeyValue>? Params { get; set; }

    // Responses.
    public WireExperiment? Experiment { get; set; }
    public List<WireExperiment>? Experiments { get; set; }
    public WireRun? Run { get; set; }
    public List<WireRun>? Runs { get; set; }
    public WireRunInfo? RunInfo { get; set; }
    public string? NextPageToken { get; set; }
    public WireRegisteredModel? RegisteredModel { get; set; }
    public List<WireRegisteredModel>? RegisteredModels { get; set; }
    public WireModelVersion? ModelVersion { get; set; }
    public List<WireModelVersion>? ModelVersions { get; set; }
    public List<WireFileInfo>? Files { get; set; }
}

/// <summary>One alias change as the adapter stores it in a registered-model tag.</summary>
internal sealed class WireAliasChange
{
    public string? Alias { get; set; }
    public int? FromVersion { get; set; }
    public int? ToVersion { get; set; }
    public string? ChangedBy { get; set; }
    public long ChangedAt { get; set; }
    public string? Reason { get; set; }
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // NaN and ±Infinity travel as the strings "NaN", "Infinity", "-Infinity" (MLflow's quirk);
    // int64 fields may arrive as strings, which MLflow also accepts.
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals
        | JsonNumberHandling.AllowReadingFromString
)]
[JsonSerializable(typeof(WireMessage))]
[JsonSerializable(typeof(WireError))]
[JsonSerializable(typeof(WireAliasChange))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext;
