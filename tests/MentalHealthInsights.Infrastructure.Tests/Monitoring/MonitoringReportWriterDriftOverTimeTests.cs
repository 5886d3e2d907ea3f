using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using Xunit.Abstractions;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring;

public sealed class MonitoringReportWriterDriftOverTimeTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static double Score(MentalHealthRecord r) =>
        Math.Clamp(0.2 + (r.StressLevel == "High" ? 0.4 : 0) + (r.SleepHours < 6 ? 0.3 : 0), 0, 1);

    private static MonitoringDataset Scored(int rows, int seed, int? days)
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = rows, Seed = seed })
            .ToList();
        var p = records.Select(Score).ToArray();
        var d = MonitoringDataset.FromRecords(records, p, [.. p.Select(v => v >= 0.5)]);
        DateTimeOffset[]? times = days is null
            ? null
            : [.. Enumerable.Range(0, rows).Select(i => Start.AddDays((double)days * i / rows))];
        return new MonitoringDataset(
            d.Rows,
            d.Features,
            d.Probabilities,
            d.Labels,
            d.Outcomes,
            times
        );
    }

    [Fact]
    public void Write_MaximumDriftWindows_DriftOverTimeAddsUnderOneMegabyteAndRoundTrips()
    {
        // 368 daily windows of 10 rows: merged into 2-day windows, exactly the bound of 184, the
        // largest drift-over-time section a report can hold whatever the period and row count.
        // (Quality and fairness per window are not merged: over a year of daily windows they
        // alone pass 2 MB, so the whole file is checked on 90 days below.)
        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1, null),
            Scored(368 * 10, 2, 368),
            new MonitoringOptions(),
            ("ref", "cur"),
            Start.AddDays(369)
        );

        var written = MonitoringReportWriter.Write(report, _directory.Combine("out"));
        var without = MonitoringReportWriter.Write(
            report with
            {
                DriftWindows = [],
            },
            _directory.Combine("without")
        );

        Assert.Equal(DriftOverTimeAnalyzer.DefaultMaxWindows, report.DriftWindows.Count);
        // Nine features, probability, label and outcome.
        Assert.All(report.DriftWindows, w => Assert.Equal(12, w.Columns.Count));
        long json = new FileInfo(written.JsonPath).Length - new FileInfo(without.JsonPath).Length;
        long html = new FileInfo(written.HtmlPath).Length - new FileInfo(without.HtmlPath).Length;
        output.WriteLine($"drift over time: monitoring.json +{json} bytes, html +{html} bytes");
        Assert.InRange(json, 1, 1024 * 1024);
        Assert.InRange(html, 1, 256 * 1024);
        var read = MonitoringReportWriter.ReadJson(written.JsonPath);
        Assert.Equal(report.DriftWindows.Count, read.DriftWindows.Count);
        Assert.Equal(report.DriftWindows[5].Start, read.DriftWindows[5].Start);
        Assert.Equal(
            report.DriftWindows[5].Columns.Select(c => (c.Column, c.Score, c.Drifted)),
            read.DriftWindows[5].Columns.Select(c => (c.Column, c.Score, c.Drifted))
        );
        var page = File.ReadAllText(written.HtmlPath);
        Assert.Contains("Drift over time", page, StringComparison.Ordinal);
        Assert.Contains("Score per column and window", page, StringComparison.Ordinal);
        Assert.Contains("2025-01-03 00:00", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NinetyDailyWindows_WholeReportUnderTwoMegabytes()
    {
        var report = MonitoringAnalyzer.Analyze(
            Scored(3000, 1, null),
            Scored(90 * 40, 2, 90),
            new MonitoringOptions(),
            ("ref", "cur"),
            Start.AddDays(91)
        );

        var written = MonitoringReportWriter.Write(report, _directory.Combine("out"));

        Assert.Equal(90, report.DriftWindows.Count);
        output.WriteLine(
            $"monitoring.json {new FileInfo(written.JsonPath).Length} bytes, html {new FileInfo(written.HtmlPath).Length} bytes"
        );
        Assert.InRange(new FileInfo(written.JsonPath).Length, 1, 2 * 1024 * 1024);
        Assert.InRange(new FileInfo(written.HtmlPath).Length, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public void Write_NoTimestamps_SaysTheWholePeriodIsTheOnlyWindow()
    {
        var report = MonitoringAnalyzer.Analyze(
            Scored(1500, 1, null),
            Scored(1000, 2, null),
            new MonitoringOptions(),
            ("ref", "cur"),
            Start
        );

        var output = MonitoringReportWriter.Write(report, _directory.Combine("out"));

        var html = File.ReadAllText(output.HtmlPath);
        Assert.Contains("One window only", html, StringComparison.Ordinal);
        Assert.Empty(MonitoringReportWriter.ReadJson(output.JsonPath).DriftWindows);
    }
}
