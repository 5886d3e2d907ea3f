namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>
/// The pipeline jobs executing on one scheduler node, and the node's stop signal. A stop
/// cancels every job that is running here or starts later (a firing Quartz had already taken
/// when the node went to standby still starts, sees the signal at once and records its run
/// Cancelled) and waits until all of them have returned. This does not depend on which firings
/// Quartz's store lists as executing at the moment of the stop.
/// </summary>
internal sealed class PipelineNodeJobs : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private int _running;
    private TaskCompletionSource? _idle;

    /// <summary>A node's jobs, none running yet.</summary>
    public PipelineNodeJobs() => Stopping = _stopping.Token;

    /// <summary>Cancelled when the node stops (taken once: still readable after disposal).</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The number of jobs executing now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Counts a job in until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        lock (_gate)
        {
            _running++;
        }
        return new Scope(this);
    }

    /// <summary>
    /// Cancels <see cref="Stopping"/> and waits until no job is executing, or until
    /// <paramref name="cancellationToken"/> ends the wait.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await CancelAsync();
        Task idle;
        lock (_gate)
        {
            if (_running == 0)
            {
                return;
            }
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }
        await idle.WaitAsync(cancellationToken);
    }

    private void Exit()
    {
        lock (_gate)
        {
            _running--;
            if (_running == 0 && _idle is { } idle)
            {
                _idle = null;
                idle.TrySetResult();
            }
        }
    }

    /// <summary>Cancels <see cref="Stopping"/> without waiting for the jobs.</summary>
    public Task CancelAsync() => _stopping.CancelAsync();

    /// <summary>
    /// Releases the stop signal once no job is left; a job still running (a step that ignored
    /// the cancellation of a disposal without a stop) keeps it until it returns.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_running == 0)
            {
                _stopping.Dispose();
            }
        }
    }

    /// <summary>One job's membership; disposing it counts the job out.</summary>
    internal readonly struct Scope(PipelineNodeJobs owner) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => owner.Exit();
    }
}
