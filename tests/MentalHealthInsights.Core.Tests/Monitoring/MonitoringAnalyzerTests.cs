using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
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
        Assert.Equal(0, report.KeyMetrics[MonitoringKeyMetrics.PredictionDrift]);
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
