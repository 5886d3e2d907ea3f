using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Tests.Training.Jobs;

/// <summary>The training job against a real local tracking store (SQLite file + artifact folder).</summary>
public sealed class TrainingJobTrackingTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-job-tracking-" + Guid.NewGuid().ToString("N")
    );

    public TrainingJobTrackingTests() => Directory.CreateDirectory(_folder);

    private string TrackingUri => "sqlite:///" + Path.Combine(_folder, "mlruns.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_TwoSignalRunsThenNoSignal_LogsRunsAndGatesTheChampion()
    {
        var planted = WriteData("planted.csv", SignalKind.Planted);
        var noise = WriteData("none.csv", SignalKind.None);

        var first = Train(planted, "t1");
        var second = Train(planted, "t2");
        var third = Train(noise, "t3");

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(r => r.Tracking!.Version));
        Assert.True(first.Tracking!.PromotedToChampion);
        Assert.True(second.Tracking!.PromotedToChampion);
        Assert.Contains("not worse than the champion", second.Tracking.PromotionReason);
        Assert.False(third.Tracking!.PromotedToChampion);
        Assert.StartsWith("Not promotable", third.Tracking.PromotionReason);

        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions { TrackingUri = TrackingUri },
            TimeProvider.System
        );
        var registry = backend.Registry;
        Assert.Equal(
            2,
            (
                await registry.GetModelVersionByAliasAsync("mental-health-classifier", "champion")
            ).Version
        );
        var challenger = await registry.GetModelVersionByAliasAsync(
            "mental-health-classifier",
            "challenger"
        );
        Assert.Equal(3, challenger.Version);
        Assert.StartsWith("Not promotable", challenger.Tags["mhi.promotion"]);
        var history = await registry.GetAliasHistoryAsync("mental-health-classifier", "champion");
        Assert.Equal(2, history.Count);

        var tracking = new TrackingService(backend.Tracking, TimeProvider.System);
        var children = await tracking.GetChildRunsAsync(first.Tracking.ParentRunId!);
        Assert.Equal(
            ["baseline", "lr", "xgb"],
            children.Select(c => c.Data.Tags["mhi.model_type"]).Order(StringComparer.Ordinal)
        );
        var lr = children.Single(c => c.Data.Tags["mhi.model_type"] == "lr");
        Assert.Equal(RunStatus.Finished, lr.Info.Status);
        Assert.Equal(
            first.Report.FindModel("lr")!.Test.Intervals["roc_auc"].Lower,
            lr.Data.Metrics["test_roc_auc_lower"].Value
        );
        var folds = await backend.Tracking.GetMetricHistoryAsync(lr.Info.RunId, "cv_fold_roc_auc");
        Assert.Equal([0L, 1L, 2L], folds.Select(m => m.Step));
        var parent = await backend.Tracking.GetRunAsync(first.Tracking.ParentRunId!);
        var data = await backend.Artifacts.ListArtifactsAsync(parent.Info.ArtifactUri, "data");
        Assert.Contains(data, a => a.Path.EndsWith("validation.json", StringComparison.Ordinal));
        Assert.Equal("1200", parent.Data.Params["rows"]);
        var artifacts = await backend.Artifacts.ListArtifactsAsync(lr.Info.ArtifactUri, "model");
        Assert.Contains(artifacts, a => a.Path.EndsWith("manifest.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TrackingStoreUnusable_TrainingStillCompletesAndSaysWhatWasNotLogged()
    {
        var planted = WriteData("planted.csv", SignalKind.Planted);
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the store's folder should be");

        var result = new TrainingJob(TimeProvider.System).Run(
            Options(planted, "t") with
            {
                TrackingUri = "sqlite:///" + Path.Combine(blocker, "mlruns.db"),
            }
        );

        Assert.NotNull(result.Tracking!.Error);
        Assert.Contains("kept in", result.Tracking.Error);
        Assert.Null(result.Tracking.Version);
        Assert.True(File.Exists(result.Output.HtmlPath));
        Assert.All(result.Bundles.Values, folder => Assert.True(Directory.Exists(folder)));
    }

    [Fact]
    public async Task Resolve_RegistryAndPathReferences_LoadTheVerifiedBundles()
    {
        var result = Train(WriteData("planted.csv", SignalKind.Planted), "t");
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions { TrackingUri = TrackingUri },
            TimeProvider.System
        );
        var resolver = new ModelReferenceResolver(backend);
        var cache = Path.Combine(_folder, "cache");

        var champion = await resolver.ResolveAsync(
            "models:/mental-health-classifier@champion",
            cache
        );
        var byVersion = await resolver.ResolveAsync("models:/mental-health-classifier/1", cache);
        var byPath = await resolver.ResolveAsync(result.Bundles["xgb"], cache);

        using (champion.Bundle)
        using (byVersion.Bundle)
        using (byPath.Bundle)
        {
            Assert.Equal(result.Report.BestModel, champion.Bundle.Metadata.TrainerName);
            Assert.Equal(1, champion.Version!.Version);
            Assert.Equal(champion.Bundle.Sha256, byVersion.Bundle.Sha256);
            Assert.Equal("xgb", byPath.Bundle.Metadata.TrainerName);
            Assert.Null(byPath.Version);
        }
        await Assert.ThrowsAsync<TrackingException>(() =>
            resolver.ResolveAsync("models:/mental-health-classifier", cache)
        );
        await Assert.ThrowsAsync<TrackingException>(() =>
            resolver.ResolveAsync("models:/mental-health-classifier@nothing", cache)
        );
    }

    [Fact]
    public void Run_TrackingServerDown_TrainingCompletesAndSaysWhatWasNotLogged()
    {
        var planted = WriteData("planted.csv", SignalKind.Planted);

        // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
        var result = new TrainingJob(TimeProvider.System).Run(
            Options(planted, "t") with
            {
                TrackingUri = "http://127.0.0.1:9",
            }
        );

        Assert.Contains("http://127.0.0.1:9", result.Tracking!.Error);
        Assert.Null(result.Tracking.ParentRunId);
        Assert.True(File.Exists(result.Output.HtmlPath));
        Assert.Equal(3, result.Bundles.Count);
    }

    private TrainingJobResult Train(string input, string output) =>
        new TrainingJob(TimeProvider.System).Run(Options(input, output));

    private TrainingJobOptions Options(string input, string output) =>
        new()
        {
            InputPath = input,
            OutputDirectory = Path.Combine(_folder, output),
            Models = ["lr", "xgb"],
            TrackingUri = TrackingUri,
            Protocol = new TrainingOptions
            {
                Folds = 3,
                SearchBudget = 1,
                BootstrapResamples = 200,
                PermutationRepeats = 2,
            },
        };

    private string WriteData(string name, SignalKind signal)
    {
        var path = Path.Combine(_folder, name);
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
