namespace MentalHealthInsights.Core.Pipelines;

/// <summary>One pipeline run as the run store keeps it.</summary>
/// <param name="Id">Run id (32 lowercase hex digits).</param>
/// <param name="Pipeline">Pipeline name.</param>
/// <param name="Parameters">Parameters with defaults applied.</param>
/// <param name="Trigger">Manual, schedule or alert.</param>
/// <param name="State">Current state.</param>
/// <param name="OwnerId">The process that runs it (host/pid/instance), for crash recovery.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="StartedAt">When its first step started.</param>
/// <param name="EndedAt">When it reached a terminal state.</param>
/// <param name="HeartbeatAt">The owner's last sign of life; a stale one means the owner died.</param>
/// <param name="Error">Why it failed, was cancelled or crashed.</param>
/// <param name="CancelRequested">Set by <c>mhi pipeline cancel</c>; the owner polls it.</param>
public sealed record PipelineRunRecord(
    string Id,
    string Pipeline,
    IReadOnlyDictionary<string, string> Parameters,
    PipelineTrigger Trigger,
    PipelineRunState State,
    string OwnerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset HeartbeatAt,
    string? Error,
    bool CancelRequested
)
{
    /// <summary>True for Completed, Failed, Cancelled and Crashed.</summary>
    public bool IsFinished => State is not (PipelineRunState.Pending or PipelineRunState.Running);
}
