using MentalHealthInsights.Core.Artifacts;

namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// The conveniences callers use (log one metric, a dictionary of params, start a nested run…),
/// built once on the port's primitives so every adapter behaves the same (DESIGN §5.7): every
/// write goes through <see cref="LogBatchAsync"/>, which splits at MLflow's limits. Batches split
/// into several calls are not atomic as a whole; each call is. Timestamps come from the injected
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class TrackingService
{
    private readonly TimeProvider _timeProvider;
    private readonly TrackingServiceOptions _options;
    private readonly IArtifactStore? _artifacts;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The tracking store.</param>
    /// <param name="timeProvider">The clock for start/end times and metric timestamps.</param>
    /// <param name="options">Who/what starts runs; null → defaults.</param>
    /// <param name="artifacts">The artifact store; null when artifacts are not logged through this service.</param>
    public TrackingService(
        ITrackingStore store,
        TimeProvider timeProvider,
        TrackingServiceOptions? options = null,
        IArtifactStore? artifacts = null
    )
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Store = store;
        _timeProvider = timeProvider;
        _options = options ?? new TrackingServiceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBatchBytes, 1024);
        _artifacts = artifacts;
    }

    /// <summary>The underlying store, for reads.</summary>
    public ITrackingStore Store { get; }

    private long NowMs => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// The id of the experiment named <paramref name="name"/>, created when missing. Safe when
    /// several processes race to create it: the loser reads the winner's. A deleted experiment of
    /// that name → <see cref="TrackingErrorCode.InvalidParameterValue"/> (restore or rename it).
    /// </summary>
    public async Task<string> GetOrCreateExperimentAsync(
        string name,
        CancellationToken cancellationToken = default
    )
    {
        var existing = await Store.GetExperimentByNameAsync(name, cancellationToken);
        if (existing is null)
        {
            try
            {
                return await Store.CreateExperimentAsync(
                    name,
                    cancellationToken: cancellationToken
                );
            }
            catch (TrackingException e)
                when (e.ErrorCode == TrackingErrorCode.ResourceAlreadyExists)
            {
                existing = await Store.GetExperimentByNameAsync(name, cancellationToken);
                if (existing is null)
                {
                    throw;
                }
            }
        }
        if (existing.LifecycleStage == LifecycleStage.Deleted)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"Experiment '{name}' (id {existing.ExperimentId}) is deleted; restore it or use another name."
            );
        }
        return existing.ExperimentId;
    }

    /// <summary>
    /// Starts a run (status RUNNING, start time now) with MLflow's system tags:
    /// <c>mlflow.runName</c>, <c>mlflow.user</c>, <c>mlflow.source.name</c>,
    /// <c>mlflow.source.type</c>, <c>mlflow.source.git.commit</c> as configured, and
    /// <c>mlflow.parentRunId</c> for a nested run. Tags passed here win over the configured ones,
    /// except the parent id.
    /// </summary>
    /// <param name="experimentId">The experiment.</param>
    /// <param name="runName">Display name; null → generated.</param>
    /// <param name="parentRunId">The parent run of a nested run; it must exist.</param>
    /// <param name="tags">Extra tags.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Run> StartRunAsync(
        string experimentId,
        string? runName = null,
        string? parentRunId = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        var allTags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_options.UserName.Length > 0)
        {
            allTags[MlflowTagKeys.User] = _options.UserName;
        }
        if (_options.SourceName is { Length: > 0 } source)
        {
            allTags[MlflowTagKeys.SourceName] = source;
        }
        if (_options.SourceType.Length > 0)
        {
            allTags[MlflowTagKeys.SourceType] = _options.SourceType;
        }
        if (_options.GitCommit is { Length: > 0 } commit)
        {
            allTags[MlflowTagKeys.GitCommit] = commit;
        }
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            allTags[key] = value;
        }
        if (parentRunId is not null)
        {
            // Fail before creating an orphan: the parent must exist.
            _ = await Store.GetRunAsync(parentRunId, cancellationToken);
            allTags[MlflowTagKeys.ParentRunId] = parentRunId;
        }
        return await Store.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experimentId,
                RunName = runName,
                UserId = _options.UserName,
                StartTimeMs = NowMs,
                Tags = [.. allTags.Select(t => new RunTag(t.Key, t.Value))],
            },
            cancellationToken
        );
    }

    /// <summary>Ends a run: sets <paramref name="status"/> (default FINISHED) and the end time to now.</summary>
    public Task<RunInfo> EndRunAsync(
        string runId,
        RunStatus status = RunStatus.Finished,
        CancellationToken cancellationToken = default
    ) => Store.UpdateRunAsync(runId, status, NowMs, cancellationToken: cancellationToken);

    /// <summary>Logs one metric value at <paramref name="step"/>, timestamped now.</summary>
    public Task LogMetricAsync(
        string runId,
        string key,
        double value,
        long step = 0,
        CancellationToken cancellationToken = default
    ) => LogBatchAsync(runId, [new Metric(key, value, NowMs, step)], null, null, cancellationToken);

    /// <summary>Logs several metrics at one step with one timestamp (now).</summary>
    public Task LogMetricsAsync(
        string runId,
        IReadOnlyDictionary<string, double> metrics,
        long step = 0,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var now = NowMs;
        return LogBatchAsync(
            runId,
            [.. metrics.Select(m => new Metric(m.Key, m.Value, now, step))],
            null,
            null,
            cancellationToken
        );
    }

    /// <summary>Logs one param (immutable: a different value later fails).</summary>
    public Task LogParamAsync(
        string runId,
        string key,
        string value,
        CancellationToken cancellationToken = default
    ) => LogBatchAsync(runId, null, [new Param(key, value)], null, cancellationToken);

    /// <summary>Logs params from a dictionary, split into calls of at most 100.</summary>
    public Task LogParamsAsync(
        string runId,
        IReadOnlyDictionary<string, string> parameters,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return LogBatchAsync(
            runId,
            null,
            [.. parameters.Select(p => new Param(p.Key, p.Value))],
            null,
            cancellationToken
        );
    }

    /// <summary>Sets one tag.</summary>
    public Task SetTagAsync(
        string runId,
        string key,
        string value,
        CancellationToken cancellationToken = default
    ) => LogBatchAsync(runId, null, null, [new RunTag(key, value)], cancellationToken);

    /// <summary>Sets tags from a dictionary, split into calls of at most 100.</summary>
    public Task SetTagsAsync(
        string runId,
        IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(tags);
        return LogBatchAsync(
            runId,
            null,
            null,
            [.. tags.Select(t => new RunTag(t.Key, t.Value))],
            cancellationToken
        );
    }

    /// <summary>
    /// Logs any number of metrics, params and tags, split by <see cref="LogBatchSplitter"/> into
    /// calls within MLflow's limits (params first, then tags, then metrics).
    /// </summary>
    public async Task LogBatchAsync(
        string runId,
        IReadOnlyList<Metric>? metrics,
        IReadOnlyList<Param>? parameters,
        IReadOnlyList<RunTag>? tags,
        CancellationToken cancellationToken = default
    )
    {
        foreach (
            var chunk in LogBatchSplitter.Split(metrics, parameters, tags, _options.MaxBatchBytes)
        )
        {
            await Store.LogBatchAsync(
                runId,
                chunk.Metrics,
                chunk.Params,
                chunk.Tags,
                cancellationToken
            );
        }
    }

    /// <summary>
    /// The active child runs of <paramref name="parentRunId"/> in the parent's experiment (tag
    /// <c>mlflow.parentRunId</c>), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<Run>> GetChildRunsAsync(
        string parentRunId,
        CancellationToken cancellationToken = default
    )
    {
        var parent = await Store.GetRunAsync(parentRunId, cancellationToken);
        var children = new List<Run>();
        string? token = null;
        do
        {
            var page = await Store.SearchRunsAsync(
                new RunSearchQuery
                {
                    ExperimentIds = [parent.Info.ExperimentId],
                    Filter =
                        $"tags.`{MlflowTagKeys.ParentRunId}` = '{parentRunId.Replace("'", "''", StringComparison.Ordinal)}'",
                    OrderBy = ["attributes.start_time ASC"],
                    PageToken = token,
                },
                cancellationToken
            );
            children.AddRange(page.Items);
            token = page.NextPageToken;
        } while (token is not null);
        return children;
    }
}
