namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// The tracking port: experiments, runs and what runs log, in MLflow's model (its
/// <c>AbstractStore</c>). <see cref="LogBatchAsync"/> is the one write primitive for metrics,
/// params and tags; conveniences live in <see cref="TrackingService"/>. Every failure the caller
/// can act on is a <see cref="TrackingException"/> carrying MLflow's error code, whichever
/// adapter (local SQLite, MLflow REST) is behind the port.
/// </summary>
public interface ITrackingStore
{
    /// <summary>
    /// Creates an experiment and returns its id. Fails with
    /// <see cref="TrackingErrorCode.ResourceAlreadyExists"/> when the name is taken (also by a
    /// deleted experiment) and <see cref="TrackingErrorCode.InvalidParameterValue"/> for an empty
    /// or too long (&gt; 500) name.
    /// </summary>
    /// <param name="name">Unique experiment name.</param>
    /// <param name="artifactLocation">Artifact root URI; null → the store's default root plus the id.</param>
    /// <param name="tags">Experiment tags; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateExperimentAsync(
        string name,
        string? artifactLocation = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>The experiment; <see cref="TrackingErrorCode.ResourceDoesNotExist"/> when the id is unknown.</summary>
    Task<Experiment> GetExperimentAsync(
        string experimentId,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// The experiment with this exact name (active or deleted), or null when there is none (as
    /// MLflow's Python client; the REST endpoint's 404 becomes null).
    /// </summary>
    Task<Experiment?> GetExperimentByNameAsync(
        string name,
        CancellationToken cancellationToken = default
    );

    /// <summary>One page of experiments matching the query.</summary>
    Task<ResultPage<Experiment>> SearchExperimentsAsync(
        ExperimentSearchQuery query,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Creates a run with status <see cref="RunStatus.Running"/> and a new 32-hex id; sets tag
    /// <c>mlflow.runName</c>. <see cref="TrackingErrorCode.ResourceDoesNotExist"/> when the
    /// experiment is unknown, <see cref="TrackingErrorCode.InvalidParameterValue"/> when it is deleted.
    /// </summary>
    Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default);

    /// <summary>The run (also when deleted); <see cref="TrackingErrorCode.ResourceDoesNotExist"/> when unknown.</summary>
    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates status, end time and/or name (null leaves a field unchanged); a new name also
    /// updates tag <c>mlflow.runName</c>. Returns the updated info.
    /// </summary>
    Task<RunInfo> UpdateRunAsync(
        string runId,
        RunStatus? status = null,
        long? endTimeMs = null,
        string? runName = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Logs metrics, params and tags to an active run, all or nothing. Enforces MLflow's rules
    /// (<see cref="TrackingValidation.ValidateBatch"/>): at most 1000 metrics, 100 params,
    /// 100 tags and 1000 entities per call; key and value lengths; no duplicate param key in one
    /// call; a param re-logged with the same value is accepted, with a different value →
    /// <see cref="TrackingErrorCode.InvalidParameterValue"/>. A deleted run →
    /// <see cref="TrackingErrorCode.InvalidParameterValue"/>; an unknown run →
    /// <see cref="TrackingErrorCode.ResourceDoesNotExist"/>. A finished run still accepts writes.
    /// </summary>
    Task LogBatchAsync(
        string runId,
        IReadOnlyList<Metric>? metrics = null,
        IReadOnlyList<Param>? parameters = null,
        IReadOnlyList<RunTag>? tags = null,
        CancellationToken cancellationToken = default
    );

    /// <summary>Every value logged for <paramref name="metricKey"/>, ordered by step, then timestamp; empty when none.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(
        string runId,
        string metricKey,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// One page of runs matching the query (see <see cref="RunSearchQuery"/> for the filter
    /// syntax). An unparsable filter or order → <see cref="TrackingErrorCode.InvalidParameterValue"/>.
    /// </summary>
    Task<ResultPage<Run>> SearchRunsAsync(
        RunSearchQuery query,
        CancellationToken cancellationToken = default
    );

    /// <summary>Soft-deletes a run (it stays readable by id).</summary>
    Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Restores a soft-deleted run.</summary>
    Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Sets one tag (same rules as a one-tag <see cref="LogBatchAsync"/>).</summary>
    Task SetTagAsync(
        string runId,
        string key,
        string value,
        CancellationToken cancellationToken = default
    );

    /// <summary>Deletes a tag; <see cref="TrackingErrorCode.ResourceDoesNotExist"/> when the run has no such tag.</summary>
    Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default);
}
