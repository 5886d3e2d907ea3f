namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// An asynchronous step that runs once and is then shared by every caller — the database stores
/// create their schema this way — except that a failed or cancelled attempt is forgotten, so the
/// next caller tries again (a database that was down at the first call is not failed forever).
/// Thread-safe: concurrent callers share one attempt.
/// </summary>
/// <param name="step">Starts the step; called under a lock, so it should return at its first await.</param>
internal sealed class RetriedUntilDone(Func<Task> step)
{
    private readonly Lock _gate = new();
    private Task? _attempt;

    /// <summary>The current attempt: finished, running, or a new one when the last one failed.</summary>
    public Task RunAsync()
    {
        lock (_gate)
        {
            if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
            {
                _attempt = step();
            }
            return _attempt;
        }
    }
}
