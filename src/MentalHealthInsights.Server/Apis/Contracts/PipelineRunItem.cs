namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// One pipeline run. Trigger: "manual", "schedule" or "alert". State: "pending", "running",
/// "completed", "failed", "cancelled" or "crashed".
/// </summary>
internal sealed record PipelineRunItem(
    string Id,
    string Pipeline,
    string Trigger,
    string State,
    bool Finished,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset HeartbeatAt,
    string? Error,
    bool CancelRequested,
    IReadOnlyDictionary<string, string> Parameters
);
