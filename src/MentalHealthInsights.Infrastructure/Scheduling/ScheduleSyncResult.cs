namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>What applying the configured schedules to the job store changed.</summary>
/// <param name="Added">Schedules that were not in the job store.</param>
/// <param name="Updated">Schedules whose cron, time zone, misfire rule or parameters changed (their next fire time is recomputed).</param>
/// <param name="Unchanged">Schedules left alone (their next fire time is kept).</param>
/// <param name="Removed">Schedules in the job store that the settings no longer declare.</param>
public sealed record ScheduleSyncResult(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Removed
);
