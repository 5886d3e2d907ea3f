namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>Which snapshots to list, oldest window first (a trend reads left to right).</summary>
public sealed record MonitoringSnapshotQuery
{
    /// <summary>Only windows ending at or after this; null: no bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only windows ending before this; null: no bound.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>At most this many, the newest kept when there are more (1–10,000). Default 1,000.</summary>
    public int Limit { get; init; } = 1000;
}
