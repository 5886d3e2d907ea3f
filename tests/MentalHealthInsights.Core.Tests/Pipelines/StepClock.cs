using System.Collections.Concurrent;

namespace MentalHealthInsights.Core.Tests.Pipelines;

/// <summary>
/// A clock for runner tests: one-shot timers (backoff waits, attempt timeouts) fire at once,
/// move the clock by their due time and are remembered; periodic timers (heartbeat, cancel
/// poll) fire only when the test calls <see cref="TickAsync"/>. Nothing really waits.
/// </summary>
internal sealed class StepClock : TimeProvider
{
    private readonly ConcurrentBag<(TimerCallback Callback, object? State)> _periodic = [];
    private long _ticks = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    /// <summary>Whether one-shot timers fire (false: timeouts never expire).</summary>
    public bool FireOneShots { get; init; } = true;

    public ConcurrentQueue<TimeSpan> OneShots { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>Fires every live periodic timer once and waits for the callbacks to be invoked.</summary>
    public void Tick()
    {
        foreach (var (callback, state) in _periodic)
        {
            callback(state);
        }
    }

    public Task TickAsync()
    {
        Tick();
        return Task.CompletedTask;
    }

    public override ITimer CreateTimer(
        TimerCallback callback,
        object? state,
        TimeSpan dueTime,
        TimeSpan period
    )
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            var entry = (callback, state);
            _periodic.Add(entry);
            return new NoTimer();
        }
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            OneShots.Enqueue(dueTime);
            if (FireOneShots)
            {
                Advance(dueTime);
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }
        }
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
