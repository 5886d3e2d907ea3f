namespace MentalHealthInsights.Core.Pipelines;

/// <summary>What to run: parameters, trigger and cache use.</summary>
public sealed record PipelineRunRequest
{
    /// <summary>Parameters given (defaults fill the rest). Default none.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What started the run. Default manual.</summary>
    public PipelineTrigger Trigger { get; init; } = PipelineTrigger.Manual;

    /// <summary>True: execute every step even when a cached result matches (<c>--no-cache</c>). Results are still stored.</summary>
    public bool NoCache { get; init; }

    /// <summary>The run id to use; null draws a new one.</summary>
    public string? RunId { get; init; }

    /// <summary>Called after every step state change (progress lines); must be quick and must not throw.</summary>
    public Action<StepRunRecord>? StepChanged { get; init; }
}
