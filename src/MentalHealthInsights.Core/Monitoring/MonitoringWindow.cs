namespace MentalHealthInsights.Core.Monitoring;

/// <summary>A time window of the current data: <c>Start ≤ t &lt; End</c>, and the rows in it.</summary>
/// <param name="Start">Inclusive start; null for data without time (one window).</param>
/// <param name="End">Exclusive end; null for data without time.</param>
/// <param name="Rows">Row indices of the current dataset, ascending.</param>
public sealed record MonitoringWindow(
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<int> Rows
)
{
    /// <summary>
    /// Splits rows into consecutive windows of <paramref name="size"/> aligned to
    /// <paramref name="origin"/> (default: the epoch, so daily windows start at 00:00 UTC). Windows
    /// without rows between the first and last are kept (empty), so gaps show in reports.
    /// Without timestamps the result is one window with every row.
    /// </summary>
    public static IReadOnlyList<MonitoringWindow> Split(
        IReadOnlyList<DateTimeOffset>? timestamps,
        int rows,
        TimeSpan size,
        DateTimeOffset? origin = null
    )
    {
        if (timestamps is null)
        {
            return [new MonitoringWindow(null, null, [.. Enumerable.Range(0, rows)])];
        }
        if (size <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "The window must be positive.");
        }
        if (timestamps.Count == 0)
        {
            return [];
        }
        long ticks = size.Ticks;
        long originTicks = (origin ?? DateTimeOffset.UnixEpoch).UtcTicks;
        long Index(DateTimeOffset t) =>
            (long)Math.Floor((double)(t.UtcTicks - originTicks) / ticks);
        long first = timestamps.Min(Index);
        long last = timestamps.Max(Index);
        if (last - first > 100_000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(size),
                "The window is too small for the period (over 100,000 windows)."
            );
        }
        var buckets = new List<int>[last - first + 1];
        for (int b = 0; b < buckets.Length; b++)
        {
            buckets[b] = [];
        }
        for (int i = 0; i < timestamps.Count; i++)
        {
            buckets[Index(timestamps[i]) - first].Add(i);
        }
        var windows = new MonitoringWindow[buckets.Length];
        for (int b = 0; b < buckets.Length; b++)
        {
            var start = new DateTimeOffset(originTicks + (first + b) * ticks, TimeSpan.Zero);
            windows[b] = new MonitoringWindow(start, start + size, buckets[b]);
        }
        return windows;
    }
}
