using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

/// <summary>An in-memory <see cref="ITrackingStore"/> that records the calls TrackingService makes.</summary>
internal sealed class RecordingTrackingStore : ITrackingStore
{
    private readonly Dictionary<string, Experiment> _experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);

    public List<NewRun> CreatedRuns { get; } = [];

    public List<LogBatchChunk> Batches { get; } = [];

    public List<(string RunId, RunStatus? Status, long? EndTimeMs)> Updates { get; } = [];

    public List<RunSearchQuery> Searches { get; } = [];

    /// <summary>When set, the next CreateExperiment adds the experiment but fails as if a rival won.</summary>
    public bool LoseNextCreateRace { get; set; }

    public Task<string> CreateExperimentAsync(
        string name,
        string? artifactLocation = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        var id = (_experiments.Count + 1).ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );
        _experiments[id] = new Experiment
        {
            ExperimentId = id,
            Name = name,
            ArtifactLocation = "mem:/" + id,
        };
        if (LoseNextCreateRace)
        {
            LoseNextCreateRace = false;
            throw new TrackingException(TrackingErrorCode.ResourceAlreadyExists, "raced");
        }
        return Task.FromResult(id);
    }

    public Task<Experiment> GetExperimentAsync(
        string experimentId,
        CancellationToken cancellationToken = default
    ) => Task.FromResult(_experiments[experimentId]);

    public Task<Experiment?> GetExperimentByNameAsync(
        string name,
        CancellationToken cancellationToken = default
    ) => Task.FromResult(_experiments.Values.FirstOrDefault(e => e.Name == name));

    public Task<ResultPage<Experiment>> SearchExperimentsAsync(
        ExperimentSearchQuery query,
        CancellationToken cancellationToken = default
    ) => throw new NotSupportedException();

    public void MarkDeleted(string experimentId) =>
        _experiments[experimentId] = _experiments[experimentId] with
        {
            LifecycleStage = LifecycleStage.Deleted,
        };

    public Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        CreatedRuns.Add(run);
        var id = RunIds.NewRunId();
        var created = new Run(
            new RunInfo
            {
                RunId = id,
                ExperimentId = run.ExperimentId,
                RunName = run.RunName ?? "generated",
                ArtifactUri = $"mem:/{run.ExperimentId}/{id}/artifacts",
                StartTimeMs = run.StartTimeMs ?? 0,
            },
            new RunData { Tags = run.Tags.ToDictionary(t => t.Key, t => t.Value) }
        );
        _runs[id] = created;
        return Task.FromResult(created);
    }

    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        _runs.TryGetValue(runId, out var run)
            ? Task.FromResult(run)
            : throw new TrackingException(TrackingErrorCode.ResourceDoesNotExist, "no run");

    public Task<RunInfo> UpdateRunAsync(
        string runId,
        RunStatus? status = null,
        long? endTimeMs = null,
        string? runName = null,
        CancellationToken cancellationToken = default
    )
    {
        Updates.Add((runId, status, endTimeMs));
        return Task.FromResult(
            _runs[runId].Info with
            {
                Status = status ?? RunStatus.Running,
                EndTimeMs = endTimeMs,
            }
        );
    }

    public Task LogBatchAsync(
        string runId,
        IReadOnlyList<Metric>? metrics = null,
        IReadOnlyList<Param>? parameters = null,
        IReadOnlyList<RunTag>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        TrackingValidation.ValidateBatch(metrics, parameters, tags);
        Batches.Add(new LogBatchChunk(metrics ?? [], parameters ?? [], tags ?? []));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(
        string runId,
        string metricKey,
        CancellationToken cancellationToken = default
    ) => throw new NotSupportedException();

    public Task<ResultPage<Run>> SearchRunsAsync(
        RunSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        Searches.Add(query);
        // Two pages of one run each, to exercise paging.
        var runs = _runs.Values.Where(r => r.ParentRunId is not null).ToList();
        var index = query.PageToken is null ? 0 : 1;
        return Task.FromResult(
            new ResultPage<Run>(
                runs.Skip(index).Take(1).ToList(),
                index + 1 < runs.Count ? "next" : null
            )
        );
    }

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task SetTagAsync(
        string runId,
        string key,
        string value,
        CancellationToken cancellationToken = default
    ) => throw new NotSupportedException();

    public Task DeleteTagAsync(
        string runId,
        string key,
        CancellationToken cancellationToken = default
    ) => throw new NotSupportedException();
}
