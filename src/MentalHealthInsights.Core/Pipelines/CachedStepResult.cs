namespace MentalHealthInsights.Core.Pipelines;

/// <summary>A step result stored under its cache key.</summary>
/// <param name="CacheKey">Hash of pipeline, step, step version, fingerprint and input values.</param>
/// <param name="Step">The step name.</param>
/// <param name="RunId">The run that produced it.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Outputs">The outputs to reuse.</param>
/// <param name="Links">The links to reuse.</param>
public sealed record CachedStepResult(
    string CacheKey,
    string Step,
    string RunId,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<PipelineLink> Links
);
