using MentalHealthInsights.Core.Artifacts;

namespace MentalHealthInsights.Core.Tracking.Push;

/// <summary>
/// Copies experiments, runs (params, full metric histories, tags, artifacts) and the model
/// registry from one tracking location to another, over the ports only, so any pair of adapters
/// works (local SQLite → an MLflow server is the intended use). Idempotent: each target run
/// carries <c>mhi.source_run_id</c> and each target version <c>mhi.source_version</c>; what the
/// target already holds is skipped. A failing run is reported and the others are still copied.
/// One push at a time per instance: <see cref="PushAsync"/> keeps its state in the instance.
/// </summary>
public sealed partial class TrackingPush
{
    private readonly PushEndpoint _source;
    private readonly PushEndpoint _target;
    private readonly TrackingPushOptions _options;
    private readonly TrackingService _writer;

    // Source run id → the target run (id and artifact URI), for parent links and version sources.
    private readonly Dictionary<string, (string RunId, string ArtifactUri)> _pushed = new(
        StringComparer.Ordinal
    );

    // Source run id → its artifact URI, to rewrite version sources.
    private readonly Dictionary<string, string> _sourceArtifactUris = new(StringComparer.Ordinal);

    private Tally _tally = new();

    /// <summary>Creates a push from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Where the runs are read.</param>
    /// <param name="target">Where they are copied.</param>
    /// <param name="timeProvider">The clock of the batch writer (timestamps are copied, not taken from it).</param>
    /// <param name="options">Filter and dry run; null → every experiment, for real.</param>
    public TrackingPush(
        PushEndpoint source,
        PushEndpoint target,
        TimeProvider timeProvider,
        TrackingPushOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _source = source;
        _target = target;
        _options = options ?? new TrackingPushOptions();
        _writer = new TrackingService(target.Tracking, timeProvider, artifacts: target.Artifacts);
    }

    /// <summary>
    /// Pushes everything selected by the options. Errors of one run, model or version are
    /// collected in <see cref="PushReport.Failures"/>; errors listing the source experiments or
    /// reaching the target at all propagate (nothing could be pushed).
    /// </summary>
    public async Task<PushReport> PushAsync(CancellationToken cancellationToken = default)
    {
        _tally = new Tally();
        _pushed.Clear();
        _sourceArtifactUris.Clear();
        foreach (var experiment in await SourceExperimentsAsync(cancellationToken))
        {
            _tally.Experiments++;
            await PushExperimentAsync(experiment, cancellationToken);
        }
        await PushRegistryAsync(cancellationToken);
        return _tally.ToReport(_options.DryRun);
    }

    private async Task<List<Experiment>> SourceExperimentsAsync(CancellationToken cancellationToken)
    {
        var all = new List<Experiment>();
        string? token = null;
        do
        {
            var page = await _source.Tracking.SearchExperimentsAsync(
                new ExperimentSearchQuery { PageToken = token },
                cancellationToken
            );
            all.AddRange(page.Items);
            token = page.NextPageToken;
        } while (token is not null);
        if (_options.Experiments.Count == 0)
        {
            return
            [
                .. all.OrderBy(e => e.CreationTimeMs).ThenBy(e => e.Name, StringComparer.Ordinal),
            ];
        }
        var missing = _options.Experiments.Where(n => !all.Any(e => e.Name == n)).ToList();
        if (missing.Count > 0)
        {
            throw new TrackingException(
                TrackingErrorCode.ResourceDoesNotExist,
                $"No active experiment named {string.Join(", ", missing.Select(n => $"'{n}'"))} in {_source.Uri}."
            );
        }
        return [.. all.Where(e => _options.Experiments.Contains(e.Name))];
    }

    private async Task PushExperimentAsync(
        Experiment experiment,
        CancellationToken cancellationToken
    )
    {
        var existing = await _target.Tracking.GetExperimentByNameAsync(
            experiment.Name,
            cancellationToken
        );
        string? targetExperimentId = existing?.ExperimentId;
        if (existing is null)
        {
            _tally.ExperimentsCreated++;
            if (!_options.DryRun)
            {
                targetExperimentId = await _target.Tracking.CreateExperimentAsync(
                    experiment.Name,
                    tags: experiment.Tags.Count == 0 ? null : experiment.Tags,
                    cancellationToken: cancellationToken
                );
            }
        }
        foreach (var run in ParentsFirst(await SourceRunsAsync(experiment, cancellationToken)))
        {
            _sourceArtifactUris[run.Info.RunId] = run.Info.ArtifactUri;
            try
            {
                await PushRunAsync(run, targetExperimentId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _tally.Failures.Add(
                    new PushFailure("run", run.Info.RunId, run.Info.RunName, ex.Message)
                );
            }
        }
    }

    private async Task<List<Run>> SourceRunsAsync(
        Experiment experiment,
        CancellationToken cancellationToken
    )
    {
        var runs = new List<Run>();
        string? token = null;
        do
        {
            var page = await _source.Tracking.SearchRunsAsync(
                new RunSearchQuery
                {
                    ExperimentIds = [experiment.ExperimentId],
                    OrderBy = ["attributes.start_time ASC"],
                    PageToken = token,
                },
                cancellationToken
            );
            runs.AddRange(page.Items);
            token = page.NextPageToken;
        } while (token is not null);
        return runs;
    }

    /// <summary>Orders runs so that every parent comes before its children (by nesting depth, stable).</summary>
    private static IEnumerable<Run> ParentsFirst(List<Run> runs)
    {
        var byId = runs.ToDictionary(r => r.Info.RunId, StringComparer.Ordinal);
        int Depth(Run run)
        {
            var depth = 0;
            var current = run;
            // The bound stops a (corrupt) parent cycle.
            while (
                current.ParentRunId is { } parent
                && byId.TryGetValue(parent, out var next)
                && depth < runs.Count
            )
            {
                depth++;
                current = next;
            }
            return depth;
        }
        return runs.Select((r, i) => (Run: r, Depth: Depth(r), Index: i))
            .OrderBy(x => x.Depth)
            .ThenBy(x => x.Index)
            .Select(x => x.Run);
    }

    private async Task PushRunAsync(
        Run run,
        string? targetExperimentId,
        CancellationToken cancellationToken
    )
    {
        Run? present = targetExperimentId is null
            ? null
            : await FindPushedRunAsync(targetExperimentId, run.Info.RunId, cancellationToken);
        if (
            present is not null
            && present.Data.Tags.GetValueOrDefault(PushTagKeys.PushState) != PushTagKeys.Copying
        )
        {
            _pushed[run.Info.RunId] = (present.Info.RunId, present.Info.ArtifactUri);
            _tally.RunsSkipped++;
            return;
        }

        string? targetParent = null;
        if (run.ParentRunId is { } sourceParent)
        {
            if (!_pushed.TryGetValue(sourceParent, out var parent) && !_options.DryRun)
            {
                throw new TrackingException(
                    TrackingErrorCode.ResourceDoesNotExist,
                    $"Parent run '{sourceParent}' was not pushed, so the child run cannot be linked to it."
                );
            }
            targetParent = parent.RunId;
        }

        var metrics = new List<Metric>();
        foreach (var key in run.Data.Metrics.Keys.Order(StringComparer.Ordinal))
        {
            metrics.AddRange(
                await _source.Tracking.GetMetricHistoryAsync(run.Info.RunId, key, cancellationToken)
            );
        }
        var parameters = run.Data.Params.Select(p => new Param(p.Key, p.Value)).ToList();
        var tags = run
            .Data.Tags.Where(t =>
                t.Key
                    is not (
                        MlflowTagKeys.ParentRunId
                        or PushTagKeys.SourceRunId
                        or PushTagKeys.SourceTrackingUri
                        or PushTagKeys.PushState
                    )
            )
            .Select(t => new RunTag(t.Key, t.Value))
            .ToList();
        var files = await ListFilesAsync(run.Info.ArtifactUri, null, cancellationToken);

        if (!_options.DryRun)
        {
            var target =
                present
                ?? await _target.Tracking.CreateRunAsync(
                    new NewRun
                    {
                        ExperimentId = targetExperimentId!,
                        RunName = run.Info.RunName,
                        UserId = run.Info.UserId,
                        StartTimeMs = run.Info.StartTimeMs,
                        Tags = PushTags(run.Info.RunId, targetParent, PushTagKeys.Copying),
                    },
                    cancellationToken
                );
            var targetId = target.Info.RunId;
            await _writer.LogBatchAsync(targetId, metrics, parameters, tags, cancellationToken);
            await CopyArtifactsAsync(
                run.Info.ArtifactUri,
                target.Info.ArtifactUri,
                files,
                cancellationToken
            );
            await _target.Tracking.UpdateRunAsync(
                targetId,
                run.Info.Status,
                run.Info.EndTimeMs,
                cancellationToken: cancellationToken
            );
            await _target.Tracking.SetTagAsync(
                targetId,
                PushTagKeys.PushState,
                PushTagKeys.Complete,
                cancellationToken
            );
            _pushed[run.Info.RunId] = (targetId, target.Info.ArtifactUri);
        }
        else
        {
            _pushed[run.Info.RunId] = ("", "");
        }
        _tally.RunsCopied++;
        _tally.MetricPoints += metrics.Count;
        _tally.Params += parameters.Count;
        _tally.Tags += tags.Count;
        _tally.ArtifactFiles += files.Count;
        _tally.ArtifactBytes += files.Sum(f => f.FileSize ?? 0);
    }

    private List<RunTag> PushTags(string sourceRunId, string? targetParent, string state)
    {
        var tags = new List<RunTag>
        {
            new(PushTagKeys.SourceRunId, sourceRunId),
            new(PushTagKeys.SourceTrackingUri, _source.Uri),
            new(PushTagKeys.PushState, state),
        };
        if (targetParent is not null)
        {
            tags.Add(new RunTag(MlflowTagKeys.ParentRunId, targetParent));
        }
        return tags;
    }

    private async Task<Run?> FindPushedRunAsync(
        string targetExperimentId,
        string sourceRunId,
        CancellationToken cancellationToken
    )
    {
        // Run ids are lowercase hex, so the quoted value needs no escaping.
        var page = await _target.Tracking.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [targetExperimentId],
                Filter = $"tags.{PushTagKeys.SourceRunId} = '{sourceRunId}'",
                OrderBy = ["attributes.start_time ASC"],
                MaxResults = 1,
            },
            cancellationToken
        );
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private async Task<List<ArtifactEntry>> ListFilesAsync(
        string artifactUri,
        string? path,
        CancellationToken cancellationToken
    )
    {
        var files = new List<ArtifactEntry>();
        foreach (
            var entry in await _source.Artifacts.ListArtifactsAsync(
                artifactUri,
                path,
                cancellationToken
            )
        )
        {
            if (entry.IsDirectory)
            {
                files.AddRange(await ListFilesAsync(artifactUri, entry.Path, cancellationToken));
            }
            else
            {
                files.Add(entry);
            }
        }
        return files;
    }

    private async Task CopyArtifactsAsync(
        string sourceUri,
        string targetUri,
        List<ArtifactEntry> files,
        CancellationToken cancellationToken
    )
    {
        if (files.Count == 0)
        {
            return;
        }
        var folder = Path.Combine(
            _options.TempRoot ?? Path.GetTempPath(),
            "mhi-push-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in files)
            {
                await _source.Artifacts.DownloadArtifactsAsync(
                    sourceUri,
                    file.Path,
                    folder,
                    cancellationToken
                );
            }
            await _target.Artifacts.LogArtifactsAsync(targetUri, folder, null, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
