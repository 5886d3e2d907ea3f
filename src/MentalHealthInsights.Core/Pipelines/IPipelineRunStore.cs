namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// The run store port: every pipeline run and step run, the step result cache, cancellation
/// requests and owner heartbeats. Adapters: in memory (tests), SQLite (default), PostgreSQL.
/// Every adapter passes the same contract suite.
/// </summary>
public interface IPipelineRunStore
{
    /// <summary>Creates the schema if missing (idempotent, safe from several processes).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Records a new run with its steps (all Pending).</summary>
    Task CreateRunAsync(
        PipelineRunRecord run,
        IReadOnlyList<StepRunRecord> steps,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Writes the run's state, times and error. The cancel flag is the store's own (set by
    /// <see cref="RequestCancelAsync"/>) and is not overwritten.
    /// </summary>
    Task UpdateRunAsync(PipelineRunRecord run, CancellationToken cancellationToken);

    /// <summary>Writes one step run (identified by run id and index).</summary>
    Task SaveStepAsync(StepRunRecord stepRun, CancellationToken cancellationToken);

    /// <summary>The run, or null.</summary>
    Task<PipelineRunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The run's steps in pipeline order.</summary>
    Task<IReadOnlyList<StepRunRecord>> GetStepsAsync(
        string runId,
        CancellationToken cancellationToken
    );

    /// <summary>The most recent runs first (by creation time).</summary>
    Task<IReadOnlyList<PipelineRunRecord>> ListRunsAsync(
        int limit,
        CancellationToken cancellationToken
    );

    /// <summary>Asks the owner of an unfinished run to cancel it; false when the run is unknown or finished.</summary>
    Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken);

    /// <summary>True once <see cref="RequestCancelAsync"/> was called for the run.</summary>
    Task<bool> IsCancelRequestedAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Records that the owner is alive (only while the run is unfinished).</summary>
    Task HeartbeatAsync(string runId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every unfinished run whose heartbeat is older than <paramref name="staleBefore"/> as
    /// Crashed (and its unfinished steps as Failed) with <paramref name="reason"/>; returns their ids.
    /// </summary>
    Task<IReadOnlyList<string>> MarkAbandonedAsync(
        DateTimeOffset staleBefore,
        DateTimeOffset now,
        string reason,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Marks the one run <paramref name="runId"/> as Crashed (and its unfinished steps as Failed)
    /// with <paramref name="reason"/>, atomically, when it is still unfinished; false when it is
    /// unknown or already finished (so two nodes recovering the same run mark it once).
    /// </summary>
    Task<bool> MarkCrashedAsync(
        string runId,
        DateTimeOffset now,
        string reason,
        CancellationToken cancellationToken
    );

    /// <summary>The cached result under <paramref name="cacheKey"/>, or null.</summary>
    Task<CachedStepResult?> GetCachedAsync(string cacheKey, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) a cached result.</summary>
    Task PutCachedAsync(CachedStepResult result, CancellationToken cancellationToken);
}
