namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>Which alerts to list, newest window first.</summary>
public sealed record AlertQuery
{
    /// <summary>Only alerts whose window ends at or after this; null: no bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only alerts whose window ends before this; null: no bound.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only this status; null: both.</summary>
    public AlertStatus? Status { get; init; }

    /// <summary>Only this rule; null: every rule.</summary>
    public string? RuleName { get; init; }

    /// <summary>At most this many (1 to <see cref="MaxLimit"/>; the stores clamp to that range). Default 100.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>The largest <see cref="Limit"/>: 10,000.</summary>
    public const int MaxLimit = 10_000;
}
