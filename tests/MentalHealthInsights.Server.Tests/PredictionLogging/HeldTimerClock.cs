namespace MentalHealthInsights.Server.Tests.PredictionLogging;

/// <summary>
/// A clock whose timers fire only when the test says so (<see cref="FireAll"/>), so a writer
/// waiting on <c>Task.Delay(…, clock, …)</c> stays paused, deterministically, until then.
/// </summary>
internal sealed class HeldTimerClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<HeldTimer> _pending = [];

    /// <summary>Due times of every timer created so far, in order.</summary>
    public List<TimeSpan> Requested { get; } = [];

    /// <summary>Timers created and not yet fired or disposed.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public override ITimer CreateTimer(
        TimerCallback callback,
        object? state,
        TimeSpan dueTime,
        TimeSpan period
    )
    {
        var timer = new HeldTimer(this, callback, state);
        lock (_gate)
        {
            Requested.Add(dueTime);
            _pending.Add(timer);
        }
        return timer;
    }

    /// <summary>Fires every pending timer once.</summary>
    public void FireAll()
    {
        HeldTimer[] due;
        lock (_gate)
        {
            due = [.. _pending];
            _pending.Clear();
        }
        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Forget(HeldTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    private sealed class HeldTimer(HeldTimerClock clock, TimerCallback callback, object? state)
        : ITimer
    {
        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() => clock.Forget(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
