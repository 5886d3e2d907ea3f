using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Core.Tests.Monitoring.Alerts;

public sealed class AlertDeduplicatorTests
{
    private static readonly AlertRule Rule = new(
        "f1-drop",
        "f1_drop",
        AlertComparison.GreaterThan,
        0.05,
        AlertSeverity.Critical
    );

    private static readonly DateTimeOffset Day1 = new(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CoolDown = TimeSpan.FromHours(24);

    private static AlertRuleOutcome Breach => new(Rule, 0.1, true);

    private static AlertRuleOutcome Clear => new(Rule, 0.01, false);

    private static AlertRuleOutcome Absent => new(Rule, null, false);

    [Fact]
    public void Decide_FirstBreach_Fires()
    {
        var decision = AlertDeduplicator.Decide(Breach, null, Day1, CoolDown);

        Assert.Equal(AlertStatus.Fired, decision.Status);
        Assert.Equal("new breach", decision.Reason);
        Assert.Equal(new AlertRuleState("f1-drop", true, Day1, Day1, Day1), decision.NextState);
    }

    [Fact]
    public void Decide_DailyWindowsWithSixHourCoolDown_FiresEveryWindowAfterTheFirstAsReminder()
    {
        var first = AlertDeduplicator.Decide(Breach, null, Day1, TimeSpan.FromHours(6));
        var second = AlertDeduplicator.Decide(
            Breach,
            first.NextState,
            Day1.AddDays(1),
            TimeSpan.FromHours(6)
        );

        Assert.Equal(AlertStatus.Fired, second.Status);
        Assert.StartsWith("still breached since", second.Reason, StringComparison.Ordinal);
        Assert.Equal(Day1, second.NextState.BreachedSince);
        Assert.Equal(Day1.AddDays(1), second.NextState.LastAlertedAt);
    }

    [Fact]
    public void Decide_StillBreachedWithinCoolDown_IsSuppressedUntilTheCoolDownHasPassed()
    {
        var state = AlertDeduplicator.Decide(Breach, null, Day1, CoolDown).NextState;
        var statuses = new List<AlertStatus?>();
        // Hourly windows: quiet for 23 hours, a reminder at 24 h, quiet again.
        for (var hour = 1; hour <= 30; hour++)
        {
            var decision = AlertDeduplicator.Decide(Breach, state, Day1.AddHours(hour), CoolDown);
            statuses.Add(decision.Status);
            state = decision.NextState;
        }

        Assert.All(statuses.Take(23), s => Assert.Equal(AlertStatus.Suppressed, s));
        Assert.Equal(AlertStatus.Fired, statuses[23]);
        Assert.All(statuses.Skip(24), s => Assert.Equal(AlertStatus.Suppressed, s));
        Assert.Equal(Day1, state.BreachedSince);
        Assert.Equal(Day1.AddHours(24), state.LastAlertedAt);
    }

    [Fact]
    public void Decide_ClearedThenBreachedAgain_FiresAtOnceEvenWithinTheCoolDown()
    {
        var fired = AlertDeduplicator.Decide(Breach, null, Day1, CoolDown).NextState;
        var cleared = AlertDeduplicator.Decide(Clear, fired, Day1.AddHours(1), CoolDown);
        var again = AlertDeduplicator.Decide(Breach, cleared.NextState, Day1.AddHours(2), CoolDown);

        Assert.Null(cleared.Status);
        Assert.False(cleared.NextState.IsBreached);
        Assert.Null(cleared.NextState.BreachedSince);
        Assert.Equal(AlertStatus.Fired, again.Status);
        Assert.Equal("new breach", again.Reason);
        Assert.Equal(Day1.AddHours(2), again.NextState.BreachedSince);
    }

    [Fact]
    public void Decide_MetricAbsent_LeavesTheEpisodeAsItWas()
    {
        var fired = AlertDeduplicator.Decide(Breach, null, Day1, CoolDown).NextState;

        var absent = AlertDeduplicator.Decide(Absent, fired, Day1.AddHours(1), CoolDown);
        var next = AlertDeduplicator.Decide(Breach, absent.NextState, Day1.AddHours(2), CoolDown);

        Assert.Null(absent.Status);
        Assert.Same(fired, absent.NextState);
        Assert.Equal(AlertStatus.Suppressed, next.Status);
    }

    [Fact]
    public void Decide_WindowNotAfterTheLastOne_NeverFiresAndKeepsTheState()
    {
        var state = AlertDeduplicator.Decide(Clear, null, Day1.AddDays(5), CoolDown).NextState;

        var older = AlertDeduplicator.Decide(Breach, state, Day1, CoolDown);
        var same = AlertDeduplicator.Decide(Breach, state, Day1.AddDays(5), CoolDown);

        Assert.Equal(AlertStatus.Suppressed, older.Status);
        Assert.Equal(AlertStatus.Suppressed, same.Status);
        Assert.Same(state, older.NextState);
        Assert.Same(state, same.NextState);
    }

    [Fact]
    public void Decide_ZeroCoolDown_FiresEveryBreachedWindow()
    {
        AlertRuleState? state = null;
        for (var day = 0; day < 5; day++)
        {
            var decision = AlertDeduplicator.Decide(
                Breach,
                state,
                Day1.AddDays(day),
                TimeSpan.Zero
            );
            Assert.Equal(AlertStatus.Fired, decision.Status);
            state = decision.NextState;
        }
    }
}
