using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring;

public sealed class MonitoringJobTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    private string WriteData(string name, int rows, int seed)
    {
        var path = _directory.Combine(name);
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = rows, Seed = seed }),
            path
        );
        return path;
    }

    [Fact]
    public async Task RunAsync_TwoFiles_WritesHtmlAndJsonThatRoundTrips()
    {
        var options = new MonitoringJobOptions
        {
            ReferencePath = WriteData("ref.csv", 2000, 1),
            CurrentPath = WriteData("cur.csv", 1500, 2),
            OutputDirectory = _directory.Combine("out"),
        };

        var result = await new MonitoringJob(_time).RunAsync(
            options,
            null,
            null,
            null,
            CancellationToken.None
        );

        var html = await File.ReadAllTextAsync(result.Output.HtmlPath);
        Assert.Contains(
            "This is a screening aid, not a diagnosis.",
            html,
            StringComparison.Ordinal
        );
        Assert.All(
            MonitoringReportWriter.SectionHeadings,
            h => Assert.Contains(h, html, StringComparison.Ordinal)
        );
        var read = MonitoringReportWriter.ReadJson(result.Output.JsonPath);
        Assert.Equal(
            result.Report.KeyMetrics.OrderBy(k => k.Key),
            read.KeyMetrics.OrderBy(k => k.Key)
        );
        Assert.Equal(9, read.Drift.Features.Count);
        Assert.Equal(0, result.Report.KeyMetrics[MonitoringKeyMetrics.DatasetDrift]);
        Assert.Equal(1500, result.Report.KeyMetrics[MonitoringKeyMetrics.RowsCurrent]);
        Assert.False(result.Report.KeyMetrics.ContainsKey(MonitoringKeyMetrics.F1));
        Assert.Null(result.TrackingRunId);
    }

    [Fact]
    public async Task RunAsync_ManyRows_ReportStaysUnderTwoMegabytes()
    {
        var options = new MonitoringJobOptions
        {
            ReferencePath = WriteData("ref.csv", 60_000, 1),
            CurrentPath = WriteData("cur.csv", 60_000, 2),
            OutputDirectory = _directory.Combine("out"),
        };

        var result = await new MonitoringJob(_time).RunAsync(
            options,
            null,
            null,
            null,
            CancellationToken.None
        );

        Assert.InRange(new FileInfo(result.Output.HtmlPath).Length, 1, 2 * 1024 * 1024);
        Assert.InRange(new FileInfo(result.Output.JsonPath).Length, 1, 256 * 1024);
    }

    [Fact]
    public async Task RunAsync_StrictProfile_WritesReferenceProfileThatCanBeReused()
    {
        var reference = WriteData("ref.csv", 3000, 1);
        var first = await new MonitoringJob(_time).RunAsync(
            new MonitoringJobOptions
            {
                ReferencePath = reference,
                CurrentPath = WriteData("cur.csv", 1000, 2),
                OutputDirectory = _directory.Combine("out1"),
                Analysis = new MonitoringOptions
                {
                    Drift = new DriftOptions { Profile = DriftProfile.Strict },
                },
            },
            null,
            null,
            null,
            CancellationToken.None
        );

        var second = await new MonitoringJob(_time).RunAsync(
            new MonitoringJobOptions
            {
                ReferencePath = reference,
                CurrentPath = WriteData("cur2.csv", 1000, 3),
                OutputDirectory = _directory.Combine("out2"),
                ReferenceProfilePath = first.Output.ProfilePath,
                Analysis = new MonitoringOptions
                {
                    Drift = new DriftOptions { Profile = DriftProfile.Strict },
                },
            },
            null,
            null,
            null,
            CancellationToken.None
        );

        Assert.NotNull(first.Output.ProfilePath);
        Assert.Null(second.Output.ProfilePath);
        var profile = MonitoringReportWriter.ReadProfile(first.Output.ProfilePath!);
        Assert.Equal(3000, profile.Rows);
        Assert.All(
            second.Report.Drift.Features,
            f => Assert.False(double.IsNaN(f.ReferenceBinPsi))
        );
    }

    [Fact]
    public async Task RunAsync_PredictionLogWindow_DailyFairnessAndTrackingRun()
    {
        var log = new InMemoryPredictionLogStore();
        var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var records = SyntheticDataGenerator.Generate(
            new SyntheticDataOptions { Rows = 900, Seed = 4 }
        );
        var entries = records.Select((r, i) => Entry(r, start.AddMinutes(i * 4.8), i)).ToList();
        await log.AppendAsync(entries, CancellationToken.None);
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions { WorkingDirectory = _directory.Path, UserName = "ci" },
            _time
        );
        var tracking = new TrackingService(backend.Tracking, _time, artifacts: backend.Artifacts);
        var options = new MonitoringJobOptions
        {
            ReferencePath = WriteData("ref.csv", 2000, 1),
            CurrentWindow = new PredictionLogQuery(start, start.AddDays(2)),
            OutputDirectory = _directory.Combine("out"),
        };

        var result = await new MonitoringJob(_time).RunAsync(
            options,
            null,
            log,
            tracking,
            CancellationToken.None
        );

        // 900 rows every 4.8 minutes span 3 days; the window keeps the first two (600 rows).
        Assert.Equal(600, result.Report.CurrentRows);
        Assert.Equal(2, result.Report.FairnessWindows.Count);
        Assert.NotNull(result.Report.Fairness);
        Assert.Contains("prediction log", result.Report.CurrentSource, StringComparison.Ordinal);
        var run = await backend.Tracking.GetRunAsync(result.TrackingRunId!, CancellationToken.None);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal(600, run.Data.Metrics[MonitoringKeyMetrics.RowsCurrent].Value);
        var artifacts = await backend.Artifacts.ListArtifactsAsync(
            run.Info.ArtifactUri,
            "monitoring",
            CancellationToken.None
        );
        Assert.Contains(
            artifacts,
            a => a.Path.EndsWith(MonitoringReportWriter.HtmlFileName, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task RunAsync_EmptyWindow_IsAnInputError()
    {
        var options = new MonitoringJobOptions
        {
            ReferencePath = WriteData("ref.csv", 200, 1),
            CurrentWindow = new PredictionLogQuery(
                DateTimeOffset.UnixEpoch,
                DateTimeOffset.UnixEpoch.AddDays(1)
            ),
            OutputDirectory = _directory.Combine("out"),
        };

        var error = await Assert.ThrowsAsync<MonitoringInputException>(() =>
            new MonitoringJob(_time).RunAsync(
                options,
                null,
                new InMemoryPredictionLogStore(),
                null,
                CancellationToken.None
            )
        );

        Assert.Contains("no predictions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingReference_IsAnInputError()
    {
        var options = new MonitoringJobOptions
        {
            ReferencePath = _directory.Combine("nope.csv"),
            CurrentPath = WriteData("cur.csv", 100, 2),
            OutputDirectory = _directory.Combine("out"),
        };

        await Assert.ThrowsAsync<MonitoringInputException>(() =>
            new MonitoringJob(_time).RunAsync(options, null, null, null, CancellationToken.None)
        );
    }

    private static PredictionLogEntry Entry(MentalHealthRecord r, DateTimeOffset at, int i)
    {
        double p = (i * 37 % 101) / 101.0;
        return new PredictionLogEntry
        {
            Timestamp = at,
            ModelName = "m",
            ModelVersion = "1",
            RequestId = "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
            Probability = p,
            Label = p >= 0.5,
            Threshold = 0.5,
            Outcome = i % 2 == 0 ? r.HasCondition : null,
        };
    }
}
