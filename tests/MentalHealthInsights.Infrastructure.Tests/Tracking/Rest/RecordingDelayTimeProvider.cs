using System.Collections.Concurrent;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>
/// A clock whose timers fire at once and remember their due times, so a test can check the
/// waits a retry policy asked for without waiting (and without timing assertions).
/// </summary>
internal sealed class RecordingDelayTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => _now;

    public override ITimer CreateTimer(
        TimerCallback callback,
        object? state,
        TimeSpan dueTime,
        TimeSpan period
    )
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
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
