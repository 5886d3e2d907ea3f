using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines.Training;

/// <summary>
/// The real <c>training</c> pipeline on small generated data, on a SQLite run store and a
/// SQLite tracking store in a temp folder: the real trainer, tracking, registry and gate.
/// </summary>
public sealed class TrainingPipelineTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-training-pipeline-" + Guid.NewGuid().ToString("N")
    );

    private Dictionary<string, string> Small() =>
        new()
        {
            ["rows"] = "600",
            ["out"] = Path.Combine(_folder, "out"),
            ["models"] = "lr",
            ["search-budget"] = "1",
            ["folds"] = "3",
            ["bootstrap"] = "200",
            ["tracking-uri"] = "sqlite:///" + Path.Combine(_folder, "mlruns.db"),
        };

    [Fact]
    public async Task RunAsync_TwiceOnUnchangedData_RegistersTwoVersionsAndSecondSkipsIngestAndEda()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );
        var pipeline = PipelineCatalog.Find("training", TimeProvider.System)!;
        var runner = new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions());

        var first = await runner.RunAsync(
            pipeline,
            new PipelineRunRequest { Parameters = Small() },
            CancellationToken.None
        );
        var second = await runner.RunAsync(
            pipeline,
            new PipelineRunRequest { Parameters = Small() },
            CancellationToken.None
        );

        Assert.True(
            first.Run.State == PipelineRunState.Completed,
            string.Join("; ", first.Steps.Select(s => $"{s.Name}: {s.State} {s.Error}"))
        );
        var run = await store.GetRunAsync(first.Run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunState.Completed, run!.State);
        Assert.NotNull(run.EndedAt);
        Assert.Equal("600", run.Parameters["rows"]);
        Assert.Equal(
            "1000",
            PipelineCatalog
                .Find("training", TimeProvider.System)!
                .Parameters.Single(p => p.Name == "rows")
                .DefaultValue
        );
        var steps = await store.GetStepsAsync(first.Run.Id, CancellationToken.None);
        Assert.Equal(["ingest", "validate", "eda", "train"], steps.Select(s => s.Name));
        Assert.All(steps, s => Assert.Equal(StepRunState.Completed, s.State));
        Assert.All(steps, s => Assert.Equal(1, s.Attempts));
        Assert.True(File.Exists(steps[2].Outputs["eda_html"]));
        Assert.True(File.Exists(steps[3].Outputs["training_report"]));
        Assert.Equal("1", steps[3].Outputs["model_version"]);
        Assert.Equal("true", steps[3].Outputs["promoted"]);
        Assert.Contains(steps[3].Links, l => l.Kind == "tracking-run" && l.Value.Length > 0);
        Assert.Contains(
            steps[3].Links,
            l => l is { Kind: "model-version", Value: "mental-health-classifier/1" }
        );

        Assert.Equal(PipelineRunState.Completed, second.Run.State);
        Assert.Equal(
            [StepRunState.Cached, StepRunState.Cached, StepRunState.Cached, StepRunState.Completed],
            second.Steps.Select(s => s.State)
        );
        Assert.StartsWith(
            "cached: inputs and settings unchanged",
            second.Steps[0].Message,
            StringComparison.Ordinal
        );
        Assert.Equal("2", second.Steps[3].Outputs["model_version"]);

        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                TrackingUri = "sqlite:///" + Path.Combine(_folder, "mlruns.db"),
            },
            TimeProvider.System
        );
        var champion = await backend.Registry.GetModelVersionByAliasAsync(
            "mental-health-classifier",
            "champion"
        );
        Assert.InRange(champion.Version, 1, 2);
    }

    [Fact]
    public async Task RunAsync_InputWithNoValidRows_FailsAtValidateWithoutRetryAndSkipsTheRest()
    {
        Directory.CreateDirectory(_folder);
        var input = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(input, "not,a,dataset\n1,2,3\n");
        var parameters = Small();
        parameters["input"] = input;
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );

        var result = await new PipelineRunner(
            store,
            TimeProvider.System,
            new PipelineRunnerOptions()
        ).RunAsync(
            PipelineCatalog.Find("training", TimeProvider.System)!,
            new PipelineRunRequest { Parameters = parameters },
            CancellationToken.None
        );

        Assert.Equal(PipelineRunState.Failed, result.Run.State);
        Assert.Equal(StepRunState.Completed, result.Steps[0].State);
        Assert.Equal(StepRunState.Failed, result.Steps[1].State);
        Assert.Equal(1, result.Steps[1].Attempts);
        Assert.Equal(
            [StepRunState.Skipped, StepRunState.Skipped],
            result.Steps.Skip(2).Select(s => s.State)
        );
    }

    [Fact]
    public async Task RunAsync_UnknownSearchStrategy_RefusedBeforeAnyStepRuns()
    {
        var parameters = Small();
        parameters["search-strategy"] = "grid";
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions()).RunAsync(
                PipelineCatalog.Find("training", TimeProvider.System)!,
                new PipelineRunRequest { Parameters = parameters },
                CancellationToken.None
            )
        );

        // Before: ingest, validate and EDA ran and wrote outputs, then train failed.
        Assert.StartsWith(
            "parameter search-strategy must be halving or full, not 'grid'.",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Empty(await store.ListRunsAsync(10, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
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
