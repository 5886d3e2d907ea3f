using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Tests.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines.Monitoring;

/// <summary>
/// The monitoring pipeline's alert step stores the same snapshot as <c>mhi monitor</c> (the
/// alert overload of <see cref="MonitoringJob"/>) for the same model, reference, current file
/// and report time: the same verdicts (including "stable" ones), key metrics, window and model.
/// Only the run id (each run has its own tracking run) and the report path differ.
/// </summary>
public sealed class MonitoringPipelineSnapshotTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-monitoring-snapshot-" + Guid.NewGuid().ToString("N")
    );

    private string Out => Path.Combine(_folder, "out");

    private string TrackingUri => "sqlite:///" + Path.Combine(_folder, "mlruns.db");

    [Fact]
    public async Task RunAsync_SameInputsAsMonitorCommand_StoresEqualSnapshot()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );
        var runner = new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions());
        var trained = await runner.RunAsync(
            PipelineCatalog.Find("training", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["rows"] = "500",
                    ["out"] = Out,
                    ["models"] = "lr",
                    ["search-budget"] = "1",
                    ["folds"] = "3",
                    ["bootstrap"] = "100",
                    ["tracking-uri"] = TrackingUri,
                },
            },
            CancellationToken.None
        );
        Assert.Equal(PipelineRunState.Completed, trained.Run.State);
        var current = WriteShiftedCurrent();

        var monitored = await runner.RunAsync(
            PipelineCatalog.Find("monitoring", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["current"] = current,
                    ["out"] = Out,
                    ["tracking-uri"] = TrackingUri,
                },
            },
            CancellationToken.None
        );
        Assert.True(
            monitored.Run.State == PipelineRunState.Completed,
            string.Join("; ", monitored.Steps.Select(s => $"{s.Name}: {s.State} {s.Error}"))
        );
        var fromPipeline = Assert.Single(
            await OpenStore(Path.Combine(Out, "monitoring.db"))
                .ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None)
        );

        var fromCommand = await MonitorAsCommandAsync(
            monitored.Steps[1].Outputs["reference_csv"],
            current,
            fromPipeline.CreatedAt
        );

        Assert.NotEqual(fromPipeline.RunId, fromCommand.RunId);
        Assert.Equal(fromCommand.WindowStart, fromPipeline.WindowStart);
        Assert.Equal(fromCommand.WindowEnd, fromPipeline.WindowEnd);
        Assert.Equal(fromCommand.CreatedAt, fromPipeline.CreatedAt);
        Assert.Equal(fromCommand.Model, fromPipeline.Model);
        Assert.Equal("mental-health-classifier/1", fromPipeline.Model);
        Assert.Equal(
            fromCommand.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal),
            fromPipeline.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal)
        );
        // The old copy wrote "no drift" and left stable columns out; the shared path does not.
        Assert.Contains(MonitoringSnapshot.StableVerdict, fromPipeline.Verdicts.Values);
        Assert.Equal(MonitoringSnapshot.DriftVerdict, fromPipeline.Verdicts["Sleep_Hours"]);
        Assert.Equal(
            fromCommand.KeyMetrics.OrderBy(m => m.Key, StringComparer.Ordinal),
            fromPipeline.KeyMetrics.OrderBy(m => m.Key, StringComparer.Ordinal)
        );
        Assert.NotEmpty(fromPipeline.KeyMetrics);
        Assert.Equal(monitored.Steps[1].Outputs["monitoring_html"], fromPipeline.ReportPath);
    }

    /// <summary>
    /// What <c>mhi monitor --model models:/mental-health-classifier@champion --reference REF
    /// --current CUR --alerts</c> does: the champion scores both files, the job runs with tracking
    /// and the alert service on its own monitoring store, at the pipeline's report time.
    /// </summary>
    private async Task<MonitoringSnapshot> MonitorAsCommandAsync(
        string reference,
        string current,
        DateTimeOffset at
    )
    {
        var time = new FixedTimeProvider(at);
        var output = Path.Combine(_folder, "monitor-command");
        var backend = PipelineTracking.Open(TrackingUri, Out, time);
        var resolved = await new ModelReferenceResolver(backend).ResolveAsync(
            "models:/mental-health-classifier@champion",
            Path.Combine(output, ".models"),
            CancellationToken.None
        );
        try
        {
            var version = resolved.Version!;
            var storePath = Path.Combine(_folder, "command-monitoring.db");
            using var alerting = new AlertServiceFactory(
                AlertSettings.Default,
                OpenStore(storePath),
                NullLoggerFactory.Instance,
                time
            );
            await new MonitoringJob(time).RunAsync(
                new MonitoringJobOptions
                {
                    ReferencePath = reference,
                    CurrentPath = current,
                    OutputDirectory = output,
                    Model = string.Create(
                        System.Globalization.CultureInfo.InvariantCulture,
                        $"{version.Name}/{version.Version}"
                    ),
                },
                new Predictor(
                    resolved.Bundle.Preprocessor,
                    resolved.Bundle.Model,
                    resolved.Bundle.Metadata.Threshold
                ),
                null,
                new TrackingService(backend.Tracking, time, artifacts: backend.Artifacts),
                alerting.Service,
                CancellationToken.None
            );
            return Assert.Single(
                await OpenStore(storePath)
                    .ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None)
            );
        }
        finally
        {
            resolved.Bundle.Dispose();
        }
    }

    private static SqliteMonitoringStore OpenStore(string path) =>
        new(new SqliteMonitoringStoreOptions { DatabasePath = path });

    /// <summary>Sleep shifted down by 3 hours: Sleep_Hours drifts, most columns stay stable.</summary>
    private string WriteShiftedCurrent()
    {
        var current = Path.Combine(_folder, "current.csv");
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator
                .Generate(new SyntheticDataOptions { Rows = 400, Seed = 9 })
                .Select(r => r with { SleepHours = Math.Max(3, r.SleepHours - 3) }),
            current,
            400,
            null,
            CancellationToken.None
        );
        return current;
    }

    public void Dispose()
    {
        SqliteFiles.Release(_folder);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
