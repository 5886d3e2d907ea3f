using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Core.Tests.Monitoring;

public class MonitoringAnalyzerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // A stand-in score that depends on the features, so CBPE and fairness have signal.
    private static double Score(MentalHealthRecord r) =>
        Math.Clamp(0.2 + (r.StressLevel == "High" ? 0.4 : 0) + (r.SleepHours < 6 ? 0.3 : 0), 0, 1);

    private static MonitoringDataset Scored(int rows, int seed)
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = rows, Seed = seed })
            .ToList();
        var p = records.Select(Score).ToArray();
        return MonitoringDataset.FromRecords(records, p, [.. p.Select(v => v >= 0.5)]);
    }

    private static List<PredictionLogEntry> Log(
        int rows,
        int seed,
        bool withOutcomes,
        double hours = 72.0
    )
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = rows, Seed = seed })
            .ToList();
        return
        [
            .. records.Select(
                (r, i) =>
                    new PredictionLogEntry
                    {
                        Timestamp = Now.AddHours(i * hours / rows),
                        ModelName = "m",
                        ModelVersion = "1",
                        RequestId = "r",
                        Source = "api",
                        Age = r.Age,
                        Gender = r.Gender,
                        Occupation = r.Occupation,
                        Country = r.Country,
                        ConsultationHistory = r.ConsultationHistory,
                        StressLevel = r.StressLevel,
                        SleepHours = r.SleepHours,
                        WorkHours = r.WorkHours,
                        PhysicalActivityHours = r.PhysicalActivityHours,
                        Probability = Score(r),
                        Label = Score(r) >= 0.5,
                        Threshold = 0.5,
                        Outcome = withOutcomes ? r.HasCondition : null,
                    }
            ),
        ];
    }

    [Fact]
    public void Analyze_LogWithoutOutcomes_F1IsEstimatedAndTargetDriftAbsent()
    {
        var current = MonitoringDataset.FromPredictionLog(Log(1500, 2, withOutcomes: false));

        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1),
            current,
            new MonitoringOptions(),
            ("ref", "log"),
            Now
        );

        Assert.Equal(1, report.KeyMetrics[MonitoringKeyMetrics.F1IsEstimated]);
        Assert.False(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.TargetDrift));
        Assert.Equal(
            report.KeyMetrics[MonitoringKeyMetrics.F1Reference]
                - report.KeyMetrics[MonitoringKeyMetrics.F1],
            report.KeyMetrics[MonitoringKeyMetrics.F1Drop],
            12
        );
        Assert.Equal(3, report.Performance!.Windows.Count);
        Assert.All(report.Performance.Windows, w => Assert.Null(w.Realized));
        Assert.All(report.Performance.Windows, w => Assert.NotNull(w.Estimated));
        Assert.True(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.FairnessGap));
        Assert.DoesNotContain(report.KeyMetrics.Values, double.IsNaN);
    }

    /// <summary>
    /// A tester's probe: one current row far in a tail made the KS test report drift, CBPE
    /// "estimate" an F1 of 0.98 with 4 alerts, and the prediction-drift alert fire. Now no column
    /// is tested on fewer than 30 rows a side, nothing is estimated on fewer than 20, and the
    /// untested metrics are absent (an alert cannot fire on them), said plainly in the findings.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    [InlineData(19, false)]
    public void Analyze_AFewCurrentRows_NothingTestedOrEstimatedAndSaidSo(int rows, bool strict)
    {
        var log = Log(1500, 2, withOutcomes: false);
        // Pick the rows with the highest probability: far in the reference's tail.
        var current = MonitoringDataset.FromPredictionLog([
            .. log.OrderByDescending(e => e.Probability).Take(rows),
        ]);
        var options = new MonitoringOptions
        {
            Drift = new() { Profile = strict ? DriftProfile.Strict : DriftProfile.Evidently },
        };

        var report = MonitoringAnalyzer.Analyze(Scored(3000, 1), current, options, ("r", "c"), Now);

        Assert.Equal(0, report.Drift.ColumnsTested);
        Assert.All(
            report.Drift.Features.Append(report.Drift.ProbabilityDrift!),
            c =>
            {
                Assert.False(c.Drifted);
                Assert.True(double.IsNaN(c.Score));
                Assert.StartsWith(
                    "too few rows to test: current",
                    c.Note,
                    StringComparison.Ordinal
                );
            }
        );
        foreach (
            var name in new[]
            {
                MonitoringKeyMetrics.DatasetDrift,
                MonitoringKeyMetrics.DriftShare,
                MonitoringKeyMetrics.PredictionDrift,
                MonitoringKeyMetrics.F1,
                MonitoringKeyMetrics.F1Drop,
                MonitoringKeyMetrics.CbpeAlerts,
            }
        )
        {
            Assert.False(report.KeyMetrics.ContainsKey(name), name);
        }
        Assert.Null(report.Performance!.Overall.Estimated);
        Assert.StartsWith("Drift not tested", report.Findings[0], StringComparison.Ordinal);
        Assert.DoesNotContain(
            report.Findings,
            f => f.Contains("drifted.", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Analyze_TheFloorsReached_TestedAndEstimated()
    {
        var log = Log(1500, 2, withOutcomes: false);
        var current = MonitoringDataset.FromPredictionLog([.. log.Take(30)]);

        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1),
            current,
            new MonitoringOptions(),
            ("r", "c"),
            Now
        );

        Assert.True(report.Drift.ColumnsTested > 0);
        Assert.True(report.Drift.PredictionTested);
        Assert.True(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.DriftShare));
        Assert.True(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.PredictionDrift));
        Assert.NotNull(report.Performance!.Overall.Estimated);
        Assert.Contains(
            report.Findings,
            f => f.StartsWith("F1 estimated (no labels yet)", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Analyze_UnlabelledRecords_AsALogWithoutLabels_NoTargetDriftNorMeasuredQuality()
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 800, Seed = 2 })
            .ToList();
        var p = records.Select(Score).ToArray();
        var current = MonitoringDataset.FromRecords(
            records,
            p,
            [.. p.Select(v => v >= 0.5)],
            unlabelled: true
        );

        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1),
            current,
            new MonitoringOptions(),
            ("r", "c"),
            Now
        );

        Assert.Null(current.Outcomes);
        Assert.Equal(0, report.LabelledRows);
        Assert.Null(report.Drift.TargetDrift);
        Assert.False(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.TargetDrift));
        Assert.True(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.DriftShare));
        Assert.True(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.PredictionDrift));
        Assert.Equal(1, report.KeyMetrics[MonitoringKeyMetrics.F1IsEstimated]);
        Assert.Null(report.Performance!.Overall.Realized);
        Assert.Contains(MonitoringAnalyzer.NoLabelsFinding, report.Findings);
    }

    [Fact]
    public void Analyze_LogWithoutLabels_SaysNoLabelsInTheCurrentData()
    {
        var current = MonitoringDataset.FromPredictionLog(Log(300, 2, withOutcomes: false));

        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1),
            current,
            new MonitoringOptions(),
            ("r", "c"),
            Now
        );

        Assert.Contains(MonitoringAnalyzer.NoLabelsFinding, report.Findings);
    }

    [Fact]
    public void Analyze_SomeLabelsBelowTheFloor_FindingSaysHowManyNotNoLabels()
    {
        var log = Log(1500, 2, withOutcomes: true);
        // 5 labelled rows among 300: too few to measure, so F1 is estimated.
        var current = MonitoringDataset.FromPredictionLog([
            .. log.Take(300).Select((e, i) => i < 5 ? e : e with { Outcome = null }),
        ]);

        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1),
            current,
            new MonitoringOptions(),
            ("r", "c"),
            Now
        );

        Assert.Equal(1, report.KeyMetrics[MonitoringKeyMetrics.F1IsEstimated]);
        Assert.Contains(
            report.Findings,
            f => f.StartsWith("F1 estimated (only 5 labelled rows)", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Analyze_LogWithOutcomes_F1IsMeasuredWithIntervals()
    {
        var current = MonitoringDataset.FromPredictionLog(Log(1500, 2, withOutcomes: true));

        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1),
            current,
            new MonitoringOptions(),
            ("ref", "log"),
            Now
        );

        Assert.Equal(0, report.KeyMetrics[MonitoringKeyMetrics.F1IsEstimated]);
        Assert.Equal(0, report.KeyMetrics[MonitoringKeyMetrics.TargetDrift]);
        var overall = report.Performance!.Overall.Realized!["f1"];
        Assert.InRange(report.KeyMetrics[MonitoringKeyMetrics.F1], overall.Lower, overall.Upper);
        Assert.Equal(1500, report.KeyMetrics[MonitoringKeyMetrics.LabelledRowsCurrent]);
        Assert.DoesNotContain(MonitoringAnalyzer.NoLabelsFinding, report.Findings);
    }

    [Fact]
    public void Analyze_LogOfAYearOfDays_QualityAndFairnessWindowsMergedLikeDriftWindows()
    {
        // 400 daily windows (15 rows a day): past the bound of 184, ⌈400 / 184⌉ = 3 days a window.
        var current = MonitoringDataset.FromPredictionLog(
            Log(6000, 3, withOutcomes: true, hours: 400 * 24.0)
        );

        var report = MonitoringAnalyzer.Analyze(
            Scored(2000, 1),
            current,
            new MonitoringOptions { WindowOrigin = Now },
            ("ref", "log"),
            Now
        );

        var drift = report.DriftWindows.Select(w => (w.Start, w.End)).ToArray();
        Assert.Equal(134, drift.Length);
        Assert.Equal(TimeSpan.FromDays(3), drift[0].End - drift[0].Start);
        Assert.Equal(drift, report.Performance!.Windows.Select(w => (w.Start, w.End)));
        Assert.Equal(drift, report.FairnessWindows.Select(w => (w.Start, w.End)));
        Assert.Equal(6000, report.Performance.Windows.Sum(w => w.Rows));
    }

    [Fact]
    public void Analyze_NoPredictions_OnlyDriftAndQuality()
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 500, Seed = 1 })
            .ToList();
        var reference = MonitoringDataset.FromRecords(records);

        var report = MonitoringAnalyzer.Analyze(
            reference,
            reference,
            new MonitoringOptions(),
            ("a", "b"),
            Now
        );

        Assert.Null(report.Performance);
        Assert.Null(report.Fairness);
        Assert.False(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.F1));
        // No prediction column: not tested, so absent (never a measured "no drift").
        Assert.False(report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.PredictionDrift));
        Assert.Equal(0, report.KeyMetrics[MonitoringKeyMetrics.DatasetDrift]);
        Assert.All(
            report.KeyMetrics.Keys.Where(k =>
                !k.StartsWith(MonitoringKeyMetrics.ColumnDriftPrefix, StringComparison.Ordinal)
            ),
            k => Assert.Contains(k, MonitoringKeyMetrics.All)
        );
        // One per-feature drift flag per tested feature, 0 or 1.
        Assert.Equal(
            report.Drift.Features.Count(f => !double.IsNaN(f.Score)),
            report.KeyMetrics.Keys.Count(k =>
                k.StartsWith(MonitoringKeyMetrics.ColumnDriftPrefix, StringComparison.Ordinal)
            )
        );
        Assert.Equal(
            report.Drift.Features.Single(f => f.Column == "Sleep_Hours").Drifted ? 1 : 0,
            report.KeyMetrics["column_drift_Sleep_Hours"]
        );
    }
}
