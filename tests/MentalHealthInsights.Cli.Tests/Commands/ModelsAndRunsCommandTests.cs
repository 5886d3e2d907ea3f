using System.Text.Json;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class ModelsAndRunsCommandTests
{
    [Fact]
    public async Task Registry_TwoTrainingsThenPromoteAndRollback_AliasesFollowAndAreRecorded()
    {
        using var temp = new TempFolder();
        var uri = "sqlite:///" + temp.File("mlruns.db");
        await CliHarness.RunAsync("data", "generate", "-n", "900", "-o", temp.File("d.csv"));
        string[] train =
        [
            "train",
            "-i",
            temp.File("d.csv"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            uri,
        ];
        var first = await CliHarness.RunAsync([.. train, "-o", temp.File("t1")]);
        var second = await CliHarness.RunAsync([.. train, "-o", temp.File("t2")]);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("version 1 as challenger; promoted to champion", first.Output);
        Assert.Contains("version 2 as challenger; promoted to champion", second.Output);

        var list = await CliHarness.RunAsync("models", "list", "--tracking-uri", uri, "--json");
        using (var json = JsonDocument.Parse(list.Output))
        {
            var model = json.RootElement.GetProperty("models")[0];
            Assert.Equal(2, model.GetProperty("aliases").GetProperty("champion").GetInt32());
        }

        var rollback = await CliHarness.RunAsync(
            "models",
            "rollback",
            "mental-health-classifier",
            "--tracking-uri",
            uri
        );
        Assert.Equal(0, rollback.ExitCode);
        var champion = await CliHarness.RunAsync(
            "models",
            "show",
            "mental-health-classifier",
            "--tracking-uri",
            uri,
            "--json"
        );
        using (var json = JsonDocument.Parse(champion.Output))
        {
            Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
            Assert.Contains(
                json.RootElement.GetProperty("aliasHistory").EnumerateArray(),
                c => c.GetProperty("reason").GetString() == "rollback from version 2"
            );
        }

        var promote = await CliHarness.RunAsync(
            "models",
            "promote",
            "mental-health-classifier",
            "2",
            "--reason",
            "reviewed",
            "--tracking-uri",
            uri
        );
        Assert.Equal(0, promote.ExitCode);
        var byVersion = await CliHarness.RunAsync(
            "models",
            "show",
            "mental-health-classifier/2",
            "--tracking-uri",
            uri
        );
        var aliases = byVersion
            .Output.Split('\n')
            .Single(l => l.TrimStart().StartsWith("aliases", StringComparison.Ordinal));
        Assert.Contains("champion", aliases);
        Assert.Contains("challenger", aliases);
    }

    [Fact]
    public async Task Runs_AfterTraining_ListsParentAndChildRunsAndShowsOne()
    {
        using var temp = new TempFolder();
        var uri = "sqlite:///" + temp.File("mlruns.db");
        await CliHarness.RunAsync("data", "generate", "-n", "700", "-o", temp.File("d.csv"));
        await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            uri
        );

        var list = await CliHarness.RunAsync("runs", "list", "--tracking-uri", uri, "--json");

        using var json = JsonDocument.Parse(list.Output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(3, runs.Count);
        var lr = runs.Single(r => r.GetProperty("name").GetString() == "lr");
        Assert.InRange(lr.GetProperty("testRocAuc").GetDouble(), 0.5, 1.0);
        var show = await CliHarness.RunAsync(
            "runs",
            "show",
            lr.GetProperty("runId").GetString()!,
            "--tracking-uri",
            uri
        );
        Assert.Contains("hp.l2", show.Output);
        Assert.Contains("test_roc_auc_lower", show.Output);

        var baseline = runs.Single(r => r.GetProperty("name").GetString() == "baseline");
        var compare = await CliHarness.RunAsync(
            "runs",
            "compare",
            lr.GetProperty("runId").GetString()!,
            baseline.GetProperty("runId").GetString()!,
            "--tracking-uri",
            uri,
            "--json"
        );
        using var compared = JsonDocument.Parse(compare.Output);
        var pair = compared.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, pair.Count);
        Assert.Equal(0.5, pair[1].GetProperty("metrics").GetProperty("test_roc_auc").GetDouble());
        Assert.True(pair[0].GetProperty("params").TryGetProperty("hp.l2", out _));
        Assert.False(pair[0].GetProperty("params").TryGetProperty("seed", out _)); // same in both: hidden

        var one = await CliHarness.RunAsync("runs", "compare", "only-one", "--tracking-uri", uri);
        Assert.Equal(1, one.ExitCode);
    }

    [Fact]
    public async Task Push_AfterRealTraining_CopiesRunsAndRegistryOnceAndTheChampionLoadsFromTheTarget()
    {
        using var temp = new TempFolder();
        var local = "sqlite:///" + temp.File("local.db");
        var target = "sqlite:///" + temp.File("target.db");
        await CliHarness.RunAsync("data", "generate", "-n", "700", "-o", temp.File("d.csv"));
        await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            local
        );

        var first = await CliHarness.RunAsync(
            "tracking",
            "push",
            "--from",
            local,
            "--to",
            target,
            "--json"
        );
        var second = await CliHarness.RunAsync(
            "tracking",
            "push",
            "--from",
            local,
            "--to",
            target,
            "--json"
        );
        var champion = await CliHarness.RunAsync(
            "models",
            "show",
            "mental-health-classifier@champion",
            "--tracking-uri",
            target,
            "--json"
        );

        Assert.Equal(0, first.ExitCode);
        using (var json = JsonDocument.Parse(first.Output))
        {
            Assert.Equal(3, json.RootElement.GetProperty("runsCopied").GetInt32());
        }
        using (var json = JsonDocument.Parse(second.Output))
        {
            Assert.Equal(0, json.RootElement.GetProperty("runsCopied").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("runsSkipped").GetInt32());
        }
        Assert.Equal(0, champion.ExitCode);
        using (var json = JsonDocument.Parse(champion.Output))
        {
            Assert.Equal(
                "lr",
                json.RootElement.GetProperty("tags").GetProperty("mhi.model_type").GetString()
            );
        }
    }

    [Fact]
    public async Task Models_UnknownVersionOrRun_ReturnInvalidDataWithOneLine()
    {
        using var temp = new TempFolder();
        var uri = "sqlite:///" + temp.File("mlruns.db");
        // An existing, empty store: the commands below no longer create a missing one.
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions { TrackingUri = uri },
            TimeProvider.System
        );
        await backend.Tracking.GetExperimentByNameAsync("none", CancellationToken.None);

        var model = await CliHarness.RunAsync("models", "show", "nothing/3", "--tracking-uri", uri);
        var run = await CliHarness.RunAsync("runs", "show", "0123", "--tracking-uri", uri);
        var rollback = await CliHarness.RunAsync(
            "models",
            "rollback",
            "nothing",
            "--tracking-uri",
            uri
        );

        Assert.Equal(2, model.ExitCode);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, rollback.ExitCode);
        Assert.StartsWith("error: ", model.Error);
        Assert.DoesNotContain("no tracking store", model.Error + run.Error + rollback.Error);
    }

    [Theory]
    [InlineData("models list")]
    [InlineData("models show m@champion")]
    [InlineData("models promote m 1")]
    [InlineData("models rollback m")]
    [InlineData("runs list")]
    [InlineData("runs show 0123")]
    [InlineData("runs compare 0123 4567")]
    [InlineData("batch -i in.csv -o out.csv --raw-ids -m models:/m@champion")]
    public async Task ReadingCommand_NoStoreAtThePath_ExitsTwoAndCreatesNone(string commandLine)
    {
        using var temp = new TempFolder();
        var database = temp.File("mlruns.db");

        var result = await CliHarness.RunAsync([
            .. commandLine.Split(' '),
            "--tracking-uri",
            database,
        ]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: no tracking store at {database}:", result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Models_MalformedTrackingUri_ExitsOneWithoutTheParameterName()
    {
        var result = await CliHarness.RunAsync("models", "list", "--tracking-uri", "sqlite:///");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Invalid SQLite URI 'sqlite:///'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.Error, StringComparison.Ordinal);
    }
}
