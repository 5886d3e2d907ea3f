using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Monitoring.Retraining;
using MentalHealthInsights.Infrastructure.Tests.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Retraining;

/// <summary>Retraining runs the real training job with a real SQLite tracking store; the promotion gate decides.</summary>
public sealed class TrainingJobRetrainingTriggerTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string TrackingUri => "sqlite:///" + _folder.Combine("mlruns.db");

    private TrainingJobRetrainingTrigger Trigger(string data) =>
        new(
            new TrainingJobRetrainingOptions
            {
                DataPath = data,
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

    private static RetrainingRequest Request(string runId) =>
        new(runId, [], new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TriggerAsync_GoodThenUselessData_PromotesTheFirstAndTheGateRefusesTheSecond()
    {
        var planted = WriteData("labelled/day-001.csv", SignalKind.Planted);

        var first = await Trigger(_folder.Combine("labelled"))
            .TriggerAsync(Request("mon/1"), CancellationToken.None);
        File.SetLastWriteTimeUtc(planted, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        WriteData("labelled/day-002.csv", SignalKind.None);
        var second = await Trigger(_folder.Combine("labelled"))
            .TriggerAsync(Request("mon/2"), CancellationToken.None);

        Assert.True(first.Started);
        Assert.Null(first.Error);
        Assert.Equal(1, first.Version);
        Assert.True(first.Promoted);
        Assert.NotNull(first.TrainingRunId);
        Assert.True(second.Started);
        Assert.Equal(2, second.Version);
        Assert.False(second.Promoted);
        Assert.StartsWith("Not promotable", second.PromotionReason, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_folder.Combine("retrain", "retrain-mon_1")));
        Assert.True(Directory.Exists(_folder.Combine("retrain", "retrain-mon_2")));

        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions { TrackingUri = TrackingUri },
            TimeProvider.System
        );
        var champion = await backend.Registry.GetModelVersionByAliasAsync(
            "mental-health-classifier",
            "champion"
        );
        Assert.Equal(1, champion.Version);
    }

    [Fact]
    public async Task TriggerAsync_NoData_FailsWithoutTraining()
    {
        Directory.CreateDirectory(_folder.Combine("empty"));

        var outcome = await Trigger(_folder.Combine("empty"))
            .TriggerAsync(Request("m"), CancellationToken.None);

        Assert.False(outcome.Started);
        Assert.Contains("no labelled data", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerAsync_UnusableFile_ReportsItAsAFailure()
    {
        var path = _folder.Combine("bad.csv");
        await File.WriteAllTextAsync(path, "a;b;c\n1;2;3\n");

        var outcome = await Trigger(path).TriggerAsync(Request("m"), CancellationToken.None);

        Assert.False(outcome.Started);
        Assert.StartsWith("the labelled data is unusable", outcome.Error, StringComparison.Ordinal);
    }

    private string WriteData(string name, SignalKind signal)
    {
        var path = _folder.Combine(name);
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
