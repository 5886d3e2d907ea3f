using System.Text.Json;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class PipelineCommandTests
{
    [Fact]
    public async Task PipelineRun_Training_CompletesThenRunsAndShowReadTheRecord()
    {
        using var temp = new TempFolder();
        var store = "sqlite:///" + temp.File("pipelines.db");
        string[] Run() =>
            [
                "pipeline",
                "run",
                "training",
                "-p",
                "rows=500",
                "-p",
                "out=" + temp.File("out"),
                "-p",
                "models=lr",
                "-p",
                "search-budget=1",
                "-p",
                "folds=3",
                "-p",
                "bootstrap=200",
                "--store",
                store,
                "--json",
            ];

        var first = await CliHarness.RunAsync(Run());
        var second = await CliHarness.RunAsync(Run());
        var runs = await CliHarness.RunAsync("pipeline", "runs", "--store", store, "--json");
        using var secondJson = JsonDocument.Parse(second.Output);
        var id = secondJson.RootElement.GetProperty("id").GetString()!;
        var show = await CliHarness.RunAsync("pipeline", "show", id[..8], "--store", store);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(
            ["Cached", "Cached", "Cached", "Completed"],
            secondJson
                .RootElement.GetProperty("steps")
                .EnumerateArray()
                .Select(s => s.GetProperty("state").GetString())
        );
        Assert.Contains("[1/4] ingest: cached", second.Error, StringComparison.Ordinal);
        using var runsJson = JsonDocument.Parse(runs.Output);
        Assert.Equal(2, runsJson.RootElement.GetArrayLength());
        Assert.Equal(id, runsJson.RootElement[0].GetProperty("id").GetString());
        Assert.Equal(0, show.ExitCode);
        Assert.Contains(
            "model-version: mental-health-classifier/2",
            show.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task PipelineRun_UnknownParameter_UsageErrorAndNothingRecorded()
    {
        using var temp = new TempFolder();
        var store = "sqlite:///" + temp.File("pipelines.db");

        var result = await CliHarness.RunAsync(
            "pipeline",
            "run",
            "training",
            "-p",
            "bogus=1",
            "--store",
            store
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no parameter 'bogus'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("cancel")]
    public async Task PipelineShowOrCancel_UnknownRun_ExitsTwo(string verb)
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "pipeline",
            verb,
            "nosuchrun",
            "--store",
            "sqlite:///" + temp.File("pipelines.db")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no pipeline run 'nosuchrun'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineCancel_RunOwnedByAnotherProcess_SetsTheRequest()
    {
        using var temp = new TempFolder();
        var location = "sqlite:///" + temp.File("pipelines.db");
        var now = TimeProvider.System.GetUtcNow();
        await using (
            var store = await PipelineRunStoreFactory.OpenAsync(location, CancellationToken.None)
        )
        {
            await store.CreateRunAsync(
                new PipelineRunRecord(
                    "0123456789abcdef0123456789abcdef",
                    "training",
                    new Dictionary<string, string>(),
                    PipelineTrigger.Manual,
                    PipelineRunState.Running,
                    "elsewhere/1/x",
                    now,
                    now,
                    null,
                    now,
                    null,
                    false
                ),
                [],
                CancellationToken.None
            );
        }

        var result = await CliHarness.RunAsync(
            "pipeline",
            "cancel",
            "0123456789abcdef0123456789abcdef",
            "--store",
            location
        );

        Assert.Equal(0, result.ExitCode);
        await using var check = await PipelineRunStoreFactory.OpenAsync(
            location,
            CancellationToken.None
        );
        Assert.True(
            await check.IsCancelRequestedAsync(
                "0123456789abcdef0123456789abcdef",
                CancellationToken.None
            )
        );
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Worker_ClusteringOnSqlite_RefusedAsAUsageError()
    {
        using var temp = new TempFolder();
        var config = temp.File("settings.json");
        await File.WriteAllTextAsync(
            config,
            """{ "scheduler": { "jobStore": "sqlite:///q.db", "clustered": true } }"""
        );

        var result = await CliHarness.RunAsync("worker", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "clustering needs a PostgreSQL job store",
            result.Error,
            StringComparison.Ordinal
        );
    }
}
