namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// One step of a pipeline: declared inputs (parameters or earlier steps' outputs) and outputs,
/// the work, and — for cacheable steps — a fingerprint of everything the result depends on.
/// Implementations live beside the service they call (Infrastructure/Pipelines).
/// </summary>
public abstract class PipelineStep
{
    /// <summary>The step's name, unique in its pipeline (e.g. <c>ingest</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Names of the values the step reads.</summary>
    public abstract IReadOnlyList<string> Inputs { get; }

    /// <summary>Names of the values the step must produce.</summary>
    public abstract IReadOnlyList<string> Outputs { get; }

    /// <summary>
    /// A version folded into the cache key: bump it when the step's code changes what it writes,
    /// so old cache entries stop matching. Default "1".
    /// </summary>
    public virtual string Version => "1";

    /// <summary>
    /// A fingerprint of what the result depends on beyond the input values themselves (file
    /// contents, settings), or null when the step must always run (the default: not cached).
    /// </summary>
    public virtual ValueTask<string?> FingerprintAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult<string?>(null);

    /// <summary>
    /// Whether cached outputs can still be used (e.g. the files they name still exist). Default true.
    /// </summary>
    public virtual ValueTask<bool> CanReuseAsync(
        IReadOnlyDictionary<string, string> cachedOutputs,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(true);

    /// <summary>Runs one attempt. Throw <see cref="PipelineStepException"/> for failures with a clear message.</summary>
    public abstract Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    );
}
