namespace MentalHealthInsights.Core.Pipelines;

/// <summary>One step of one run as the run store keeps it.</summary>
/// <param name="RunId">The pipeline run.</param>
/// <param name="Index">Position in the pipeline, from 0.</param>
/// <param name="Name">Step name.</param>
/// <param name="State">Current state.</param>
/// <param name="Attempts">Attempts started so far (0 when cached or skipped).</param>
/// <param name="StartedAt">When the first attempt (or the cache lookup) started.</param>
/// <param name="EndedAt">When it reached a terminal state.</param>
/// <param name="Error">The last attempt's error, if any.</param>
/// <param name="CacheKey">The key its result is cached under (cacheable steps).</param>
/// <param name="Outputs">The values it produced (or took from the cache).</param>
/// <param name="Links">Tracking runs, reports, model versions.</param>
/// <param name="Message">One-line summary (e.g. "cached: unchanged inputs, from run …").</param>
public sealed record StepRunRecord(
    string RunId,
    int Index,
    string Name,
    StepRunState State,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Error,
    string? CacheKey,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<PipelineLink> Links,
    string? Message
);
