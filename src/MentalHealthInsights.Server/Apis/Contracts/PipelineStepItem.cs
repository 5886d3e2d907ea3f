namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// One step of a run, in pipeline order. State: "pending", "running", "retrying", "completed",
/// "failed", "cancelled", "skipped" or "cached"; attempts is 0 when cached or skipped.
/// </summary>
internal sealed record PipelineStepItem(
    int Index,
    string Name,
    string State,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Error,
    string? Message,
    IReadOnlyList<PipelineLinkItem> Links
);
