namespace MentalHealthInsights.Core.Tracking;

/// <summary>One log-batch call's worth of entities, within MLflow's per-call limits.</summary>
/// <param name="Metrics">At most 1000 metrics.</param>
/// <param name="Params">At most 100 params.</param>
/// <param name="Tags">At most 100 tags.</param>
public sealed record LogBatchChunk(
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Param> Params,
    IReadOnlyList<RunTag> Tags
)
{
    /// <summary>Metrics + params + tags.</summary>
    public int Count => Metrics.Count + Params.Count + Tags.Count;
}
