using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Retraining;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Scheduling;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Retraining;

/// <summary>
/// Alert-triggered retraining with a job store configured: the trigger only queues a run of the
/// real <c>training</c> pipeline (trigger alert) on a real SQLite Quartz store, and a started
/// scheduler (what <c>mhi worker</c> runs) trains it; the promotion gate still decides, so
/// useless data is registered but not promoted. Waits are bounded polls.
/// </summary>
public sealed class QueuedRetrainingTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly InMemoryPipelineRunStore _runs = new();

    public void Dispose() => _folder.Dispose();

    private string TrackingUri => "sqlite:///" + _folder.Combine("mlruns.db");

    private SchedulerSettings Queue =>
        new() { JobStore = "sqlite:///" + _folder.Combine("quartz.db") };

    private TrainingJobRetrainingTrigger Trigger(string data) =>
        new(
            new TrainingJobRetrainingOptions
            {
                DataPath = data,
                OutputRoot = _folder.Combine("retrain"),
                Models = ["lr"],
                TrackingUri = TrackingUri,
                PromotionMargin = 0.02,
                Protocol = new TrainingOptions
                {
                    Folds = 3,
                    SearchBudget = 1,
                    SearchStrategy = SearchStrategy.Full,
                    BootstrapResamples = 100,
                },
                Queue = Queue,
            },
            TimeProvider.System
        );

    private static RetrainingRequest Request(string runId) =>
        new(runId, [], new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TriggerAsync_JobStoreConfigured_QueuesTrainingWithAlertTriggerAndGateDecides()
    {
        var planted = WriteData("labelled/day-001.csv", SignalKind.Planted);

        var queued = await Trigger(_folder.Combine("labelled"))
            .TriggerAsync(Request("mon/1"), CancellationToken.None);

        // Queued, not trained: nothing is registered until a worker runs it.
        Assert.True(queued.Started);
        Assert.Null(queued.Error);
        Assert.Null(queued.Version);
        Assert.False(queued.Promoted);
        var firstId = TrainingJobRetrainingTrigger.QueuedRunId("mon/1");
        Assert.Contains(firstId, queued.PromotionReason, StringComparison.Ordinal);
        Assert.Null(await _runs.GetRunAsync(firstId, CancellationToken.None));

        await using var worker = await PipelineScheduler.CreateAsync(
            Queue,
            new PipelineJobServices(
                _runs,
                TimeProvider.System,
                new PipelineRunnerOptions { OwnerId = "test-worker" },
                null
            )
        );
        await worker.StartAsync(CancellationToken.None);
        var first = await WaitFinishedAsync(firstId);

        File.SetLastWriteTimeUtc(planted, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        WriteData("labelled/day-002.csv", SignalKind.None);
        var secondId = TrainingJobRetrainingTrigger.QueuedRunId("mon/2");
        await Trigger(_folder.Combine("labelled"))
            .TriggerAsync(Request("mon/2"), CancellationToken.None);
        var second = await WaitFinishedAsync(secondId);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(PipelineRunState.Completed, first.State);
        Assert.Equal(PipelineTrigger.Alert, first.Trigger);
        Assert.Equal("test-worker", first.OwnerId);
        Assert.Equal(planted, first.Parameters["input"]);
        Assert.Equal(_folder.Combine("retrain", "retrain-mon_1"), first.Parameters["out"]);
        Assert.Equal("0.02", first.Parameters["promotion-margin"]);
        Assert.Equal("lr", first.Parameters["models"]);
        Assert.Equal("full", first.Parameters["search-strategy"]);
        Assert.Equal("true", await TrainOutputAsync(firstId, "promoted"));
        Assert.Equal(PipelineRunState.Completed, second.State);
        Assert.Equal(PipelineTrigger.Alert, second.Trigger);
        Assert.Equal("2", await TrainOutputAsync(secondId, "model_version"));
        Assert.Equal("false", await TrainOutputAsync(secondId, "promoted"));
        var champion = await TrackingBackendFactory
            .Create(new TrackingBackendOptions { TrackingUri = TrackingUri }, TimeProvider.System)
            .Registry.GetModelVersionByAliasAsync("mental-health-classifier", "champion");
        Assert.Equal(1, champion.Version);
    }

    [Fact]
    public async Task TriggerAsync_NoJobStore_TrainsInlineAsTheFallback()
    {
        WriteData("labelled.csv", SignalKind.Planted);
        var trigger = new TrainingJobRetrainingTrigger(
            new TrainingJobRetrainingOptions
            {
                DataPath = _folder.Combine("labelled.csv"),
                OutputRoot = _folder.Combine("retrain"),
                Models = ["lr"],
                TrackingUri = TrackingUri,
                Protocol = new TrainingOptions
                {
                    Folds = 3,
                    SearchBudget = 1,
                    BootstrapResamples = 100,
                    PermutationRepeats = 1,
                },
            },
            TimeProvider.System
        );

        var outcome = await trigger.TriggerAsync(Request("m"), CancellationToken.None);

        Assert.Equal(1, outcome.Version);
        Assert.True(outcome.Promoted);
        Assert.False(File.Exists(_folder.Combine("quartz.db")));
    }

    [Fact]
    public async Task TriggerAsync_UnreachableJobStore_FailsInTheOutcome()
    {
        WriteData("labelled.csv", SignalKind.Planted);
        var trigger = new TrainingJobRetrainingTrigger(
            new TrainingJobRetrainingOptions
            {
                DataPath = _folder.Combine("labelled.csv"),
                OutputRoot = _folder.Combine("retrain"),
                Queue = new SchedulerSettings { JobStore = "postgresql://mhi:x@127.0.0.1:1/none" },
            },
            TimeProvider.System
        );

        var outcome = await trigger.TriggerAsync(Request("m"), CancellationToken.None);

        Assert.False(outcome.Started);
        Assert.StartsWith(
            "could not queue the training pipeline",
            outcome.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Parse_RetrainingWithJobStore_SetsTheQueue()
    {
        var settings = AlertSettingsLoader.Parse(
            """
            { "Alerts": { "Retraining": { "Enabled": true, "DataPath": "d", "OutputRoot": "o",
              "JobStore": "sqlite:///quartz.db", "SchedulerName": "mhi-prod" } } }
            """,
            "/srv/mhi"
        );

        var queue = settings.Retraining!.Queue!;
        Assert.Equal("sqlite:///quartz.db", queue.JobStore);
        Assert.Equal("mhi-prod", queue.InstanceName);
        Assert.Null(
            AlertSettingsLoader
                .Parse(
                    """{ "Alerts": { "Retraining": { "Enabled": true, "DataPath": "d", "OutputRoot": "o" } } }""",
                    "/srv/mhi"
                )
                .Retraining!.Queue
        );
    }

    private async Task<PipelineRunRecord> WaitFinishedAsync(string runId)
    {
        for (var i = 0; i < 1800; i++)
        {
            if (await _runs.GetRunAsync(runId, CancellationToken.None) is { IsFinished: true } run)
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {runId} did not finish within 180 s");
    }

    private async Task<string> TrainOutputAsync(string runId, string key)
    {
        var steps = await _runs.GetStepsAsync(runId, CancellationToken.None);
        return steps.Single(s => s.Name == "train").Outputs[key];
    }

    private string WriteData(string name, SignalKind signal)
    {
        var path = _folder.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator.Generate(
                new SyntheticDataOptions
                {
                    Rows = 1200,
                    Seed = 9,
                    Signal = signal,
                }
            ),
            path
        );
        return path;
    }
}
