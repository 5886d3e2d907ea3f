using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines.BatchScoring;

/// <summary>
/// The real <c>batch-scoring</c> pipeline after a real <c>training</c> pipeline run on small
/// generated data: SQLite run store, SQLite tracking and registry, the real champion bundle.
/// </summary>
public sealed class BatchScoringPipelineTests : IDisposable
{
    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-batch-pipeline-" + Guid.NewGuid().ToString("N")
    );

    private string Out => Path.Combine(_folder, "out");

    private string TrackingUri => "sqlite:///" + Path.Combine(_folder, "mlruns.db");

    [Fact]
    public async Task RunAsync_AfterTraining_ScoresWithChampionAndCountsReconcile()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );
        var runner = new PipelineRunner(store, TimeProvider.System, new PipelineRunnerOptions());
        await TrainAsync(runner);
        var input = WriteInput(200);

        var result = await runner.RunAsync(
            PipelineCatalog.Find("batch-scoring", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["input"] = input,
                    ["out"] = Out,
                    ["raw-ids"] = "true",
                    ["tracking-uri"] = TrackingUri,
                },
            },
            CancellationToken.None
        );

        Assert.True(
            result.Run.State == PipelineRunState.Completed,
            string.Join("; ", result.Steps.Select(s => $"{s.Name}: {s.State} {s.Error}"))
        );
        var run = await store.GetRunAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(PipelineRunState.Completed, run!.State);
        Assert.NotNull(run.EndedAt);
        var steps = await store.GetStepsAsync(result.Run.Id, CancellationToken.None);
        Assert.Equal(["resolve", "score"], steps.Select(s => s.Name));
        Assert.All(steps, s => Assert.Equal(StepRunState.Completed, s.State));
        Assert.Equal("mental-health-classifier", steps[0].Outputs["model_name"]);
        Assert.Equal("1", steps[0].Outputs["model_version"]);
        Assert.Contains(
            steps[0].Links,
            l => l is { Kind: "model-version", Value: "mental-health-classifier/1" }
        );

        var score = steps[1].Outputs;
        Assert.Equal("202", score["rows_read"]);
        Assert.Equal("200", score["rows_scored"]);
        Assert.Equal("2", score["rows_rejected"]);
        var output = score["output_csv"];
        Assert.Equal(
            Path.Combine(Path.GetFullPath(Out), "batch", result.Run.Id, "predictions.csv"),
            output
        );
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(201, lines.Length);
        Assert.All(
            lines.Skip(1),
            l => Assert.Equal(["mental-health-classifier", "1"], l.Split(',')[6..8])
        );
        Assert.Equal(3, (await File.ReadAllLinesAsync(score["rejects_csv"])).Length);
        Assert.Contains(steps[1].Links, l => l.Kind == "output" && l.Value == output);
        Assert.Contains(steps[1].Links, l => l.Kind == "rejects");
    }

    [Fact]
    public async Task RunAsync_NoRegisteredModel_FailsAtResolveWithoutRetryAndSkipsScore()
    {
        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + Path.Combine(_folder, "pipelines.db"),
            CancellationToken.None
        );
        var input = WriteInput(10);

        var result = await new PipelineRunner(
            store,
            TimeProvider.System,
            new PipelineRunnerOptions()
        ).RunAsync(
            PipelineCatalog.Find("batch-scoring", TimeProvider.System)!,
            new PipelineRunRequest
            {
                Parameters = new Dictionary<string, string>
                {
                    ["input"] = input,
                    ["out"] = Out,
                    ["raw-ids"] = "true",
                    ["tracking-uri"] = TrackingUri,
                },
            },
            CancellationToken.None
        );

        Assert.Equal(PipelineRunState.Failed, result.Run.State);
        Assert.Equal(StepRunState.Failed, result.Steps[0].State);
        Assert.Equal(1, result.Steps[0].Attempts);
        Assert.StartsWith("cannot load model", result.Steps[0].Error, StringComparison.Ordinal);
        Assert.Equal(StepRunState.Skipped, result.Steps[1].State);
    }

    [Fact]
    public void ResolveParameters_WithoutInput_IsAProblemNotAnException()
    {
        var pipeline = PipelineCatalog.Find("batch-scoring", TimeProvider.System)!;

        var (_, problems) = pipeline.ResolveParameters(new Dictionary<string, string>());

        Assert.Equal(["pipeline batch-scoring needs --param input=VALUE."], problems);
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

    /// <summary>Generated rows (seed 7, unlike training's 42) plus two rows that fail validation.</summary>
    private string WriteInput(int rows)
    {
        var path = Path.Combine(_folder, "current.csv");
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = rows, Seed = 7 }),
            path,
            rows,
            null,
            CancellationToken.None
        );
        File.AppendAllText(path, "too,few,fields\nalso,bad\n");
        return path;
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
