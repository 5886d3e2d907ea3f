namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// The run store in memory, for tests and embedding in one process: same contract as the
/// database stores (it runs their contract suite), nothing survives the process.
/// </summary>
public sealed class InMemoryPipelineRunStore : IPipelineRunStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PipelineRunRecord> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StepRunRecord>> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CachedStepResult> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task CreateRunAsync(
        PipelineRunRecord run,
        IReadOnlyList<StepRunRecord> steps,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(steps);
        lock (_gate)
        {
            if (!_runs.TryAdd(run.Id, run))
            {
                throw new InvalidOperationException($"run {run.Id} already exists.");
            }
            _steps[run.Id] = [.. steps];
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateRunAsync(PipelineRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            if (_runs.TryGetValue(run.Id, out var old))
            {
                _runs[run.Id] = run with { CancelRequested = old.CancelRequested };
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SaveStepAsync(StepRunRecord stepRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepRun);
        lock (_gate)
        {
            if (_steps.TryGetValue(stepRun.RunId, out var steps))
            {
                var at = steps.FindIndex(s => s.Index == stepRun.Index);
                if (at >= 0)
                {
                    steps[at] = stepRun;
                }
                else
                {
                    steps.Add(stepRun);
                    steps.Sort((a, b) => a.Index.CompareTo(b.Index));
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PipelineRunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_runs.GetValueOrDefault(runId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRunRecord>> GetStepsAsync(
        string runId,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StepRunRecord>>(
                _steps.TryGetValue(runId, out var steps) ? [.. steps] : []
            );
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PipelineRunRecord>> ListRunsAsync(
        int limit,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PipelineRunRecord>>([
                .. _runs
                    .Values.OrderByDescending(r => r.CreatedAt)
                    .ThenByDescending(r => r.Id, StringComparer.Ordinal)
                    .Take(limit),
            ]);
        }
    }

    /// <inheritdoc />
    public Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var run) || run.IsFinished)
            {
                return Task.FromResult(false);
            }
            _runs[runId] = run with { CancelRequested = true };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> IsCancelRequestedAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_runs.TryGetValue(runId, out var run) && run.CancelRequested);
        }
    }

    /// <inheritdoc />
    public Task HeartbeatAsync(
        string runId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            if (_runs.TryGetValue(runId, out var run) && !run.IsFinished)
            {
                _runs[runId] = run with { HeartbeatAt = now };
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> MarkAbandonedAsync(
        DateTimeOffset staleBefore,
        DateTimeOffset now,
        string reason,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            var abandoned = _runs
                .Values.Where(r => !r.IsFinished && r.HeartbeatAt < staleBefore)
                .Select(r => r.Id)
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var id in abandoned)
            {
                Crash(id, now, reason);
            }
            return Task.FromResult<IReadOnlyList<string>>(abandoned);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkCrashedAsync(
        string runId,
        DateTimeOffset now,
        string reason,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var run) || run.IsFinished)
            {
                return Task.FromResult(false);
            }
            Crash(runId, now, reason);
            return Task.FromResult(true);
        }
    }

    // Callers hold _gate.
    private void Crash(string id, DateTimeOffset now, string reason)
    {
        _runs[id] = _runs[id] with
        {
            State = PipelineRunState.Crashed,
            EndedAt = now,
            Error = reason,
        };
        var steps = _steps[id];
        for (var i = 0; i < steps.Count; i++)
        {
            if (
                steps[i].State
                is StepRunState.Pending
                    or StepRunState.Running
                    or StepRunState.Retrying
            )
            {
                steps[i] = steps[i] with
                {
                    State = StepRunState.Failed,
                    EndedAt = now,
                    Error = reason,
                };
            }
        }
    }

    /// <inheritdoc />
    public Task<CachedStepResult?> GetCachedAsync(
        string cacheKey,
        CancellationToken cancellationToken
    )
    {
        lock (_gate)
        {
            return Task.FromResult(_cache.GetValueOrDefault(cacheKey));
        }
    }

    /// <inheritdoc />
    public Task PutCachedAsync(CachedStepResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _cache[result.CacheKey] = result;
        }
        return Task.CompletedTask;
    }
}
