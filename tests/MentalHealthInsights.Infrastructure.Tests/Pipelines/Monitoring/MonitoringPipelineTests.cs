using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines.Monitoring;

/// <summary>
/// The real <c>monitoring</c> pipeline after a real <c>training</c> pipeline run on small
/// generated data: the champion, its training data found by hash, the real monitoring job and
/// alert service on SQLite stores.
/// </summary>
public sealed class MonitoringPipelineTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-monitoring-pipeline-" + Guid.NewGuid().ToString("N")
    );

    private string Out => Path.Combine(_folder, "out");

    private string RunStore => "sqlite:///" + Path.Combine(_folder, "retrain-pipelines.db");

    private string TrackingUri => "sqlite:///" + Path.Combine(_folder, "mlruns.db");

    [Fact]
    public async Task RunAsync_DriftedCurrentFileAfterTraining_ReportsDriftStoresSnapshotAndFiresAlert()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );
        var runner = new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions());
        await TrainAsync(runner);
        var current = WriteDriftedCurrent();

        var result = await runner.RunAsync(
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
            result.Run.State == PipelineRunState.Completed,
            string.Join("; ", result.Steps.Select(s => $"{s.Name}: {s.State} {s.Error}"))
        );
        var steps = await store.GetStepsAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(["collect", "monitor", "alert", "retrain"], steps.Select(s => s.Name));
        Assert.All(steps, s => Assert.Equal(StepRunState.Completed, s.State));
        var monitor = steps[1].Outputs;
        Assert.True(File.Exists(monitor["monitoring_html"]));
        Assert.StartsWith(
            Path.Combine(Path.GetFullPath(Out), "monitoring", result.Run.Id),
            monitor["monitoring_html"],
            StringComparison.Ordinal
        );
        Assert.Equal("mental-health-classifier/1", monitor["monitored_model"]);
        Assert.Contains("Sleep_Hours", monitor["drifted_columns"].Split(','));
        Assert.Contains("Work_Hours", monitor["drifted_columns"].Split(','));
        Assert.Contains(
            steps[1].Links,
            l => l.Kind == "tracking-run" && l.Value == monitor["tracking_run"]
        );

        var snapshots = await new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = Path.Combine(Out, "monitoring.db") }
        ).ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None);
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(monitor["tracking_run"], snapshot.RunId);
        Assert.Equal("drift", snapshot.Verdicts["Sleep_Hours"]);
        Assert.Equal("mental-health-classifier/1", snapshot.Model);
        Assert.NotEmpty(snapshot.KeyMetrics);
        Assert.NotEqual("0", steps[2].Outputs["alerts_fired"]);
        Assert.Equal("not requested", steps[2].Outputs["retraining"]);
        Assert.Equal("false", steps[3].Outputs["retrained"]);
        Assert.Single(
            await store.ListRunsAsync(100, CancellationToken.None),
            r => r.Pipeline == "training"
        );
    }

    [Fact]
    public async Task RunAsync_RetrainTrueAndAlertFired_RunsTrainingPipelineWithAlertTrigger()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            RunStore,
            CancellationToken.None
        );
        var runner = new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions());
        await TrainAsync(runner);
        var current = WriteDriftedCurrent();

        var result = await runner.RunAsync(
            PipelineCatalog.Find("monitoring", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["current"] = current,
                    ["out"] = Out,
                    ["tracking-uri"] = TrackingUri,
                    ["retrain"] = "true",
                    ["run-store"] = RunStore,
                },
            },
            CancellationToken.None
        );

        Assert.True(
            result.Run.State == PipelineRunState.Completed,
            string.Join("; ", result.Steps.Select(s => $"{s.Name}: {s.State} {s.Error}"))
        );
        Assert.NotEqual("0", result.Steps[2].Outputs["alerts_fired"]);
        var retrain = result.Steps[3];
        Assert.Equal("true", retrain.Outputs["retrained"]);
        var training = await store.GetRunAsync(
            retrain.Outputs["training_run"],
            CancellationToken.None
        );
        Assert.Equal("training", training!.Pipeline);
        Assert.Equal(PipelineTrigger.Alert, training.Trigger);
        Assert.Equal(PipelineRunState.Completed, training.State);
        Assert.Equal(result.Steps[1].Outputs["reference_csv"], training.Parameters["input"]);
        var steps = await store.GetStepsAsync(training.Id, CancellationToken.None);
        Assert.Equal("2", steps[^1].Outputs["model_version"]);
    }

    [Fact]
    public async Task RunAsync_NoCurrentFileAndNoPredictionLog_FailsAtCollectWithoutRetry()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );

        var result = await new PipelineRunner(
            store,
            TimeProvider.System,
            new PipelineRunnerOptions()
        ).RunAsync(
            PipelineCatalog.Find("monitoring", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["prediction-log"] = Path.Combine(_folder, "missing.db"),
                    ["last"] = "7d",
                    ["out"] = Out,
                },
            },
            CancellationToken.None
        );

        Assert.Equal(PipelineRunState.Failed, result.Run.State);
        Assert.Equal(StepRunState.Failed, result.Steps[0].State);
        Assert.Equal(1, result.Steps[0].Attempts);
        Assert.Contains("does not exist", result.Steps[0].Error, StringComparison.Ordinal);
        Assert.Equal(
            [StepRunState.Skipped, StepRunState.Skipped, StepRunState.Skipped],
            result.Steps.Skip(1).Select(s => s.State)
        );
    }

    [Fact]
    public async Task RunAsync_LastTogetherWithFrom_RefusedBeforeAnythingIsRecorded()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions()).RunAsync(
                PipelineCatalog.Find("monitoring", TimeProvider.System)!,
                new PipelineRunRequest
                {
                    Parameters = new Dictionary<string, string>
                    {
                        ["last"] = "7d",
                        ["from"] = "2026-11-01T00:00:00Z",
                        ["out"] = Out,
                    },
                },
                CancellationToken.None
            )
        );

        Assert.StartsWith(
            "use either last or from/to, not both.",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Empty(await store.ListRunsAsync(10, CancellationToken.None));
    }

    /// <summary>Everyone sleeps 3 hours less and works 15 hours more: drift no test can miss.</summary>
    private string WriteDriftedCurrent()
    {
        var current = Path.Combine(_folder, "current.csv");
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator
                .Generate(new SyntheticDataOptions { Rows = 400, Seed = 9 })
                .Select(r =>
                    r with
                    {
                        SleepHours = Math.Max(3, r.SleepHours - 3),
                        WorkHours = r.WorkHours + 15,
                    }
                ),
            current,
            400,
            null,
            CancellationToken.None
        );
        return current;
    }

    private async Task TrainAsync(PipelineRunner runner)
    {
        var trained = await runner.RunAsync(
            PipelineCatalog.Find("training", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["rows"] = "600",
                    ["out"] = Out,
                    ["models"] = "lr",
                    ["search-budget"] = "1",
                    ["folds"] = "3",
                    ["bootstrap"] = "200",
                    ["tracking-uri"] = TrackingUri,
                },
            },
            CancellationToken.None
        );
        Assert.Equal(PipelineRunState.Completed, trained.Run.State);
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
