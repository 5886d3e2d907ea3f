using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Tests.Monitoring.Scenarios;
using MentalHealthInsights.Infrastructure.Tests.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring;

/// <summary>
/// A current CSV without the outcome column (the file <c>mhi batch</c> scores) is monitored as
/// unlabelled data, as a prediction-log window without labels is; the reference still needs
/// outcomes; missing or folder inputs fail before the output folder exists.
/// </summary>
public sealed class MonitoringJobUnlabelledTests(ScenarioModelFixture model)
    : IClassFixture<ScenarioModelFixture>,
        IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Writes <paramref name="records"/> with the Mental_Health_Condition column removed, then <paramref name="extraLines"/>.</summary>
    private string WriteWithoutTarget(
        string name,
        IEnumerable<MentalHealthRecord> records,
        params string[] extraLines
    )
    {
        var labelled = _directory.Combine(name + ".labelled");
        CsvDatasetWriter.WriteFile(records, labelled);
        var target = DatasetSchema.Columns.ToList().IndexOf(DatasetSchema.MentalHealthCondition);
        var lines = File.ReadAllLines(labelled)
            .Select(line =>
            {
                // The generator's values hold no commas or quotes, so a split is exact.
                Assert.DoesNotContain('"', line);
                var fields = line.Split(',').ToList();
                fields.RemoveAt(target);
                return string.Join(',', fields);
            })
            .Concat(extraLines);
        var path = _directory.Combine(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task RunAsync_CurrentFileWithoutTargetColumn_DriftAndEstimatesNoMeasuredQuality()
    {
        var reference = _directory.Combine("ref.csv");
        CsvDatasetWriter.WriteFile(model.Reference, reference);
        // 600 rows to score and one whose Age is out of range: rejected, as in a labelled file.
        var current = WriteWithoutTarget(
            "batch.csv",
            SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = 600, Seed = 7 }),
            "X-1,5,Female,IT,USA,Low,No,Medium,7.5,40,3"
        );
        var options = new MonitoringJobOptions
        {
            ReferencePath = reference,
            CurrentPath = current,
            OutputDirectory = _directory.Combine("out"),
        };

        var result = await new MonitoringJob(_time).RunAsync(
            options,
            model.Predictor,
            null,
            null,
            CancellationToken.None
        );

        var report = result.Report;
        Assert.Equal(600, report.CurrentRows);
        Assert.Equal(0, report.LabelledRows);
        Assert.Equal(601, report.Quality.RowsRead);
        Assert.Equal(1, report.Quality.RowsRejected);
        Assert.Equal(1, report.Quality.RejectsByReason[nameof(RejectReason.OutOfRange)]);
        Assert.Contains(
            "OutOfRange",
            File.ReadAllText(_directory.Combine("out/current-rejects.csv"))
        );
        var metrics = report.KeyMetrics;
        Assert.True(metrics.ContainsKey(MonitoringKeyMetrics.DriftShare));
        Assert.True(metrics.ContainsKey(MonitoringKeyMetrics.PredictionDrift));
        Assert.False(metrics.ContainsKey(MonitoringKeyMetrics.TargetDrift));
        Assert.Equal(1, metrics[MonitoringKeyMetrics.F1IsEstimated]);
        Assert.Null(report.Drift.TargetDrift);
        Assert.Null(report.Performance!.Overall.Realized);
        Assert.NotNull(report.Performance.Overall.Estimated);
        Assert.Contains(MonitoringAnalyzer.NoLabelsFinding, report.Findings);
        var html = await File.ReadAllTextAsync(result.Output.HtmlPath);
        Assert.Contains("no labels in the current data", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReferenceWithoutTargetColumn_IsAnInputError()
    {
        var records = SyntheticDataGenerator.Generate(
            new SyntheticDataOptions { Rows = 200, Seed = 1 }
        );
        var options = new MonitoringJobOptions
        {
            ReferencePath = WriteWithoutTarget("ref.csv", records),
            CurrentPath = WriteWithoutTarget("cur.csv", records),
            OutputDirectory = _directory.Combine("out"),
        };

        var error = await Assert.ThrowsAsync<MonitoringInputException>(() =>
            new MonitoringJob(_time).RunAsync(options, null, null, null, CancellationToken.None)
        );

        Assert.Contains(
            "The reference file cannot be read: Missing required column(s): Mental_Health_Condition.",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task RunAsync_MissingReference_LeavesNoOutputFolder()
    {
        var current = _directory.Combine("cur.csv");
        CsvDatasetWriter.WriteFile(model.Reference.Take(50), current);
        var options = new MonitoringJobOptions
        {
            ReferencePath = _directory.Combine("nope.csv"),
            CurrentPath = current,
            OutputDirectory = _directory.Combine("out"),
        };

        var error = await Assert.ThrowsAsync<MonitoringInputException>(() =>
            new MonitoringJob(_time).RunAsync(options, null, null, null, CancellationToken.None)
        );

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory.Combine("out")));
    }

    [Fact]
    public async Task RunAsync_ReferenceIsAFolder_SaysSoAndLeavesNoOutputFolder()
    {
        var current = _directory.Combine("cur.csv");
        CsvDatasetWriter.WriteFile(model.Reference.Take(50), current);
        var folder = Directory.CreateDirectory(_directory.Combine("data")).FullName;
        var options = new MonitoringJobOptions
        {
            ReferencePath = folder,
            CurrentPath = current,
            OutputDirectory = _directory.Combine("out"),
        };

        var error = await Assert.ThrowsAsync<MonitoringInputException>(() =>
            new MonitoringJob(_time).RunAsync(options, null, null, null, CancellationToken.None)
        );

        Assert.Equal(
            $"The reference file {folder} is a folder, not a file; give the path of a file.",
            error.Message
        );
        Assert.False(Directory.Exists(_directory.Combine("out")));
    }
}
