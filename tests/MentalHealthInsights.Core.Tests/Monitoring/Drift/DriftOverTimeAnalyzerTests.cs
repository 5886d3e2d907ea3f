using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Simulation;

namespace MentalHealthInsights.Core.Tests.Monitoring.Drift;

/// <summary>
/// Drift per window on simulated daily batches (the planted generator, fixed seeds). Sleep hours
/// fall by a quarter hour per day from the drift start; with a 5,000-row reference the default
/// profile tests them with the normed Wasserstein distance (drift at ≥ 0.1): a quarter hour over a
/// reference standard deviation of about an hour is well above it on the first drifted day, while
/// sampling noise on an undrifted day of 800 rows stays well below.
/// </summary>
public class DriftOverTimeAnalyzerTests
{
    private const int Days = 12;
    private const int DriftStart = 6;
    private const int RowsPerDay = 800;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // A stand-in score that depends on the features, so the prediction drifts with sleep.
    private static double Score(MentalHealthRecord r) =>
        Math.Clamp(0.2 + (r.StressLevel == "High" ? 0.4 : 0) + (r.SleepHours < 6 ? 0.3 : 0), 0, 1);

    private static (MonitoringDataset Reference, MonitoringDataset Current) Simulate(
        SimulationScenario scenario,
        int days = Days,
        int rowsPerDay = RowsPerDay
    )
    {
        var simulator = new MonitoringSimulator(
            new SimulationOptions
            {
                Days = days,
                RowsPerDay = rowsPerDay,
                Scenario = scenario,
                DriftStartDay = Math.Min(DriftStart, days),
                ReferenceRows = 5000,
                LabelDelayDays = 0,
                Seed = 11,
            }
        );
        var reference = Scored(simulator.Reference().ToList(), null);
        var records = new List<MentalHealthRecord>();
        var times = new List<DateTimeOffset>();
        for (int day = 1; day <= days; day++)
        {
            var batch = simulator.Day(day).ToList();
            var date = new DateTimeOffset(
                simulator.DateOf(day).ToDateTime(TimeOnly.MinValue),
                TimeSpan.Zero
            );
            for (int i = 0; i < batch.Count; i++)
            {
                records.Add(batch[i]);
                times.Add(date.AddHours(24.0 * i / batch.Count));
            }
        }
        return (reference, Scored(records, [.. times]));
    }

    private static MonitoringDataset Scored(
        List<MentalHealthRecord> records,
        DateTimeOffset[]? timestamps
    )
    {
        var p = records.Select(Score).ToArray();
        var d = MonitoringDataset.FromRecords(records, p, [.. p.Select(v => v >= 0.5)]);
        return new MonitoringDataset(
            d.Rows,
            d.Features,
            d.Probabilities,
            d.Labels,
            d.Outcomes,
            timestamps
        );
    }

    private static MonitoringReport Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        MonitoringOptions? options = null
    ) => MonitoringAnalyzer.Analyze(reference, current, options ?? new(), ("ref", "cur"), Now);

    private static DriftWindowColumn Column(DriftWindowResult window, string name) =>
        window.Columns.Single(c => c.Column == name);

    [Fact]
    public void Analyze_SleepDecline_SleepHoursFlipsFromStableToDriftedAtTheDriftStart()
    {
        var (reference, current) = Simulate(SimulationScenario.SleepDecline);

        var report = Analyze(reference, current);

        Assert.Equal(Days, report.DriftWindows.Count);
        for (int day = 1; day <= Days; day++)
        {
            var window = report.DriftWindows[day - 1];
            var sleep = Column(window, DatasetSchema.SleepHours);
            Assert.Equal("wasserstein", sleep.Test);
            Assert.Equal(RowsPerDay, window.Rows);
            Assert.True(
                sleep.Drifted == (day >= DriftStart),
                $"day {day}: score {sleep.Score}, drifted {sleep.Drifted}"
            );
        }
        // The prediction follows sleep: stable before the start, drifted once the decline is large.
        Assert.All(report.DriftWindows.Take(DriftStart - 1), w => Assert.False(w.PredictionDrift));
        Assert.All(report.DriftWindows.Skip(Days - 4), w => Assert.True(w.PredictionDrift));
        // The whole-period result is unchanged and still reported.
        Assert.True(
            report.Drift.Features.Single(f => f.Column == DatasetSchema.SleepHours).Drifted
        );
    }

    [Fact]
    public void Analyze_SleepDeclineStrictProfile_SameBinsAndFlipsAfterTheDriftStart()
    {
        var (reference, current) = Simulate(SimulationScenario.SleepDecline);
        var options = new MonitoringOptions
        {
            Drift = new DriftOptions { Profile = DriftProfile.Strict },
        };

        var report = Analyze(reference, current, options);

        var sleep = report.DriftWindows.Select(w => Column(w, DatasetSchema.SleepHours)).ToArray();
        Assert.All(sleep, s => Assert.Equal("ks+psi", s.Test));
        Assert.All(sleep.Take(DriftStart - 1), s => Assert.False(s.Drifted));
        // PSI on the fixed decile bins needs a larger shift than the distance: drifted from
        // the second drifted day (half an hour less sleep) on.
        Assert.All(sleep.Skip(DriftStart), s => Assert.True(s.Drifted));
        Assert.All(sleep, s => Assert.False(double.IsNaN(s.ReferenceBinPsi)));
        Assert.All(sleep, s => Assert.False(double.IsNaN(s.AdjustedPValue)));
    }

    [Fact]
    public void Analyze_Stable_WindowsStayMostlyUndrifted()
    {
        var (reference, current) = Simulate(SimulationScenario.Stable);

        var report = Analyze(reference, current);

        Assert.Equal(Days, report.DriftWindows.Count);
        Assert.All(report.DriftWindows, w => Assert.False(w.DatasetDrift));
        int featureVerdicts = report.DriftWindows.Sum(w => w.Columns.Count);
        int drifted = report.DriftWindows.Sum(w => w.Columns.Count(c => c.Drifted));
        Assert.True(
            drifted <= featureVerdicts / 10,
            $"{drifted} of {featureVerdicts} column verdicts drifted on stable data"
        );
        Assert.DoesNotContain(
            report.Findings,
            f =>
                f.Contains("dataset drift in", StringComparison.Ordinal)
                && !f.Contains("no dataset drift", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Analyze_NoTimestamps_NoDriftWindows()
    {
        var (reference, current) = Simulate(SimulationScenario.Stable, days: 2, rowsPerDay: 300);
        var untimed = new MonitoringDataset(
            current.Rows,
            current.Features,
            current.Probabilities,
            current.Labels,
            current.Outcomes
        );

        var report = Analyze(reference, untimed);

        Assert.Empty(report.DriftWindows);
    }

    [Fact]
    public void Analyze_GapDay_EmptyWindowIsReportedUntested()
    {
        var (reference, current) = Simulate(SimulationScenario.Stable, days: 3, rowsPerDay: 300);
        // Drop the middle day: its window stays, empty.
        var kept = Enumerable.Range(0, current.Rows).Where(i => i < 300 || i >= 600).ToArray();

        var report = Analyze(reference, current.Select(kept));

        Assert.Equal(3, report.DriftWindows.Count);
        var gap = report.DriftWindows[1];
        Assert.Equal(0, gap.Rows);
        Assert.Equal(0, gap.ColumnsTested);
        Assert.Empty(gap.Columns);
        Assert.False(gap.DatasetDrift);
        Assert.True(report.DriftWindows[0].ColumnsTested > 0);
    }

    [Fact]
    public void Merge_MoreWindowsThanTheBound_GroupsConsecutiveWindowsCoveringTheWholePeriod()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var windows = Enumerable
            .Range(0, 400)
            .Select(d => new MonitoringWindow(
                start.AddDays(d),
                start.AddDays(d + 1),
                [d * 2, d * 2 + 1]
            ))
            .ToArray();

        var merged = DriftOverTimeAnalyzer.Merge(windows, 184);

        // ⌈400 / 184⌉ = 3 days per window: 133 full windows and one of a single day.
        Assert.Equal(134, merged.Count);
        Assert.Equal(start, merged[0].Start);
        Assert.Equal(start.AddDays(3), merged[0].End);
        Assert.Equal([0, 1, 2, 3, 4, 5], merged[0].Rows);
        Assert.Equal(start.AddDays(400), merged[^1].End);
        Assert.Equal(800, merged.Sum(w => w.Rows.Count));
    }

    [Fact]
    public void Merge_WithinTheBound_ReturnsTheWindowsUnchanged()
    {
        var windows = new[] { new MonitoringWindow(null, null, [0, 1]) };

        Assert.Same(windows, DriftOverTimeAnalyzer.Merge(windows, 5));
    }

    [Fact]
    public void Analyze_ManyWindows_AtMostTheBound()
    {
        var (reference, current) = Simulate(SimulationScenario.Stable, days: 30, rowsPerDay: 60);

        var report = Analyze(reference, current, new MonitoringOptions { MaxDriftWindows = 7 });

        // ⌈30 / 7⌉ = 5 days per window: 6 windows of 300 rows.
        Assert.Equal(6, report.DriftWindows.Count);
        Assert.All(report.DriftWindows, w => Assert.Equal(300, w.Rows));
    }

    [Theory]
    [InlineData(DriftProfile.Evidently)]
    [InlineData(DriftProfile.Strict)]
    public void Analyze_EachWindow_EqualsAnAnalysisOfThatWindowsRowsAlone(DriftProfile profile)
    {
        // Windows share sorted reference samples; the verdicts must be those of a fresh analysis.
        var (reference, current) = Simulate(
            SimulationScenario.SleepDecline,
            days: 8,
            rowsPerDay: 300
        );
        var options = new DriftOptions { Profile = profile };
        var saved = ReferenceProfile.Build(reference, options.ReferenceBins);
        var windows = MonitoringWindow.Split(
            current.Timestamps,
            current.Rows,
            TimeSpan.FromDays(1)
        );

        var results = DriftOverTimeAnalyzer.Analyze(reference, current, windows, options, saved);

        Assert.Equal(8, results.Count);
        for (int w = 0; w < windows.Count; w++)
        {
            var alone = DriftAnalyzer.Analyze(
                reference,
                current.Select(windows[w].Rows),
                options,
                saved
            );
            Assert.Equal(alone.ColumnsDrifted, results[w].ColumnsDrifted);
            Assert.Equal(alone.Share, results[w].Share);
            Assert.Equal(
                alone.Features.Select(f => (f.Column, f.Score, f.Statistic, f.Drifted)),
                results[w]
                    .Columns.Take(alone.Features.Count)
                    .Select(c => (c.Column, c.Score, c.Statistic, c.Drifted))
            );
            Assert.Equal(
                alone.ProbabilityDrift!.Score,
                Column(results[w], MonitoringDataset.ProbabilityColumn).Score
            );
        }
    }
}
