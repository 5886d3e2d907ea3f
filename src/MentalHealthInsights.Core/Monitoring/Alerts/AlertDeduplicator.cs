using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// The de-duplication rule (docs/alerts-and-simulation.md): a breach <b>fires</b> when it starts
/// a new episode (the rule was not breached in its previous evaluated window, or never
/// evaluated), or when the rule has stayed breached and at least the cool-down has passed since
/// its last alert (a reminder). Otherwise it is <b>suppressed</b>: recorded, not announced. A
/// window in which the rule holds no longer ends the episode, so the next breach fires at once.
/// A window in which the metric is absent changes nothing. Times are window end times, not the
/// wall clock, so a backfill of past windows behaves as live monitoring would; a window that
/// ends no later than the rule's last evaluated window (out of order, or repeated) never fires
/// and leaves the state as it was.
/// </summary>
public static class AlertDeduplicator
{
    /// <summary>Decides for one rule's outcome in the window ending at <paramref name="windowEnd"/>.</summary>
    public static AlertDecision Decide(
        AlertRuleOutcome outcome,
        AlertRuleState? previous,
        DateTimeOffset windowEnd,
        TimeSpan coolDown
    )
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var name = outcome.Rule.Name;
        var unchanged =
            previous ?? new AlertRuleState(name, false, null, null, DateTimeOffset.MinValue);
        if (!outcome.Evaluated)
        {
            return new AlertDecision(null, "metric not reported; state unchanged", unchanged);
        }

        if (previous is not null && windowEnd <= previous.LastWindowEnd)
        {
            return new AlertDecision(
                outcome.Breached ? AlertStatus.Suppressed : null,
                "window ends no later than the rule's last evaluated window; state unchanged",
                previous
            );
        }

        if (!outcome.Breached)
        {
            return new AlertDecision(
                null,
                "not breached",
                new AlertRuleState(name, false, null, previous?.LastAlertedAt, windowEnd)
            );
        }

        if (previous is null || !previous.IsBreached)
        {
            return new AlertDecision(
                AlertStatus.Fired,
                "new breach",
                new AlertRuleState(name, true, windowEnd, windowEnd, windowEnd)
            );
        }

        var since = previous.BreachedSince ?? windowEnd;
        if (previous.LastAlertedAt is not { } lastAlert || windowEnd - lastAlert >= coolDown)
        {
            return new AlertDecision(
                AlertStatus.Fired,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"still breached since {since:O}; cool-down of {coolDown.TotalHours:0.##} h elapsed"
                ),
                new AlertRuleState(name, true, since, windowEnd, windowEnd)
            );
        }

        return new AlertDecision(
            AlertStatus.Suppressed,
            string.Create(
                CultureInfo.InvariantCulture,
                $"still breached since {since:O}; alerted at {lastAlert:O}, cool-down {coolDown.TotalHours:0.##} h"
            ),
            new AlertRuleState(name, true, since, lastAlert, windowEnd)
        );
    }
}
