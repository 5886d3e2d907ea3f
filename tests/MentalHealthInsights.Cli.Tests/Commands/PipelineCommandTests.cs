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
    public async Task PipelineRun_StepFailsOnAnArgumentException_StoresItsMessageWithoutTheParameterSuffix()
    {
        using var temp = new TempFolder();
        var bundle = await CliHarness.TrainSmallLrBundleAsync(temp);
        var store = "sqlite:///" + temp.File("pipelines.db");

        // The batch job refuses an output that is its input with an ArgumentException whose
        // message .NET suffixes with " (Parameter 'options')".
        var run = await CliHarness.RunAsync(
            "pipeline",
            "run",
            "batch-scoring",
            "-p",
            "input=" + temp.File("d.csv"),
            "-p",
            "output=" + temp.File("d.csv"),
            "-p",
            "raw-ids=true",
            "-p",
            "model=" + bundle,
            "--store",
            store,
            "--json"
        );
        using var json = JsonDocument.Parse(run.Output);
        var show = await CliHarness.RunAsync(
            "pipeline",
            "show",
            json.RootElement.GetProperty("id").GetString()!,
            "--store",
            store,
            "--json"
        );
        using var shown = JsonDocument.Parse(show.Output);

        Assert.Equal(2, run.ExitCode);
        var score = shown.RootElement.GetProperty("steps")[1];
        Assert.Equal("Failed", score.GetProperty("state").GetString());
        Assert.Equal(
            "The output must not be the input file.",
            score.GetProperty("error").GetString()
        );
        Assert.DoesNotContain("(Parameter", run.Error, StringComparison.Ordinal);
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
        Assert.False(File.Exists(temp.File("pipelines.db")));
    }

    [Theory]
    [InlineData("show")]
    [InlineData("cancel")]
    public async Task PipelineShowOrCancel_UnknownRun_ExitsTwo(string verb)
    {
        using var temp = new TempFolder();
        await (
            await PipelineRunStoreFactory.OpenAsync(
                "sqlite:///" + temp.File("pipelines.db"),
                CancellationToken.None
            )
        ).DisposeAsync();

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
    }

    [Theory]
    [InlineData("{ \"heartbeatSeconds\": ")]
    [InlineData("{ \"heartbeatSeconds\": 5, \"heartbeatSeconds\": 6 }")]
    [InlineData(
        "{ \"schedules\": [ { \"name\": \"x\", \"pipeline\": \"nope\", \"cron\": \"0 0 3 ? * MON\" } ] }"
    )]
    [InlineData(null)]
    public async Task PipelineRunAndRuns_BrokenOrMissingSettingsFile_ExitTwoAsABrokenAlertPolicy(
        string? json
    )
    {
        using var temp = new TempFolder();
        var config = temp.File("settings.json");
        if (json is not null)
        {
            await File.WriteAllTextAsync(config, json);
        }
        var store = "sqlite:///" + temp.File("pipelines.db");

        var run = await CliHarness.RunAsync(
            "pipeline",
            "run",
            "training",
            "--config",
            config,
            "--store",
            store
        );
        var runs = await CliHarness.RunAsync("pipeline", "runs", "--config", config);
        var alerts = await CliHarness.RunAsync("alerts", "check", "--config", config);

        Assert.Equal(2, alerts.ExitCode);
        foreach (var result in new[] { run, runs })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("(Parameter", result.Error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(temp.File("pipelines.db")));
    }

    [Fact]
    public async Task Worker_ClusteringOnSqlite_RefusedAsInvalidSettings()
    {
        using var temp = new TempFolder();
        var config = temp.File("settings.json");
        await File.WriteAllTextAsync(
            config,
            """{ "scheduler": { "jobStore": "sqlite:///q.db", "clustered": true } }"""
        );

        var result = await CliHarness.RunAsync("worker", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "clustering needs a PostgreSQL job store",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("""{ "heartbeatSeconds": 1e15, "leaseSeconds": 1e16 }""", "heartbeatSeconds")]
    [InlineData(
        """{ "steps": { "*": { "initialDelaySeconds": 1e300 } } }""",
        "initialDelaySeconds"
    )]
    [InlineData("""{ "steps": { "*": { "timeoutMinutes": 1e300 } } }""", "timeoutMinutes")]
    public async Task PipelineRunsAndWorker_HugeDurationSetting_InvalidSettingsNamingIt(
        string json,
        string setting
    )
    {
        using var temp = new TempFolder();
        var config = temp.File("settings.json");
        await File.WriteAllTextAsync(config, json);

        var runs = await CliHarness.RunAsync(
            "pipeline",
            "runs",
            "--config",
            config,
            "--store",
            "sqlite:///" + temp.File("pipelines.db")
        );
        var worker = await CliHarness.RunAsync("worker", "--config", config);

        foreach (var result in new[] { runs, worker })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(setting + " must be", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("training", "rows=abc", "", "parameter rows must be an integer")]
    [InlineData("training", "models=lr,nope", "", "parameter models takes")]
    [InlineData("training", "rows=10", "rows=20", "--param rows is given twice")]
    [InlineData(
        "training",
        "model-name=team@model",
        "",
        "parameter model-name: Registered model name must not contain '@', '/'"
    )]
    [InlineData("monitoring", "retrain=maybe", "", "parameter retrain must be true or false")]
    [InlineData("monitoring", "current=week.csv", "last=7d", "use either current")]
    [InlineData("batch-scoring", "input=x.csv", "raw-ids=yes", "parameter raw-ids must be")]
    public async Task PipelineRun_BadParameter_UsageErrorNothingCreatedRecordedOrQueued(
        string pipeline,
        string first,
        string second,
        string expected
    )
    {
        using var temp = new TempFolder();
        var store = "sqlite:///" + temp.File("pipelines.db");
        var config = temp.File("settings.json");
        await File.WriteAllTextAsync(
            config,
            new System.Text.Json.Nodes.JsonObject
            {
                ["scheduler"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["jobStore"] = "sqlite:///" + temp.File("quartz.db"),
                },
            }.ToJsonString()
        );
        string[] parameters = second.Length > 0 ? ["-p", first, "-p", second] : ["-p", first];

        var here = await CliHarness.RunAsync([
            "pipeline",
            "run",
            pipeline,
            .. parameters,
            "--store",
            store,
            "--config",
            config,
        ]);
        var queued = await CliHarness.RunAsync([
            "pipeline",
            "run",
            pipeline,
            .. parameters,
            "--queue",
            "--store",
            store,
            "--config",
            config,
        ]);

        foreach (var result in new[] { here, queued })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        }
        // Refused before the run store is opened: no (empty) store is created.
        Assert.False(File.Exists(temp.File("pipelines.db")));
        Assert.False(File.Exists(temp.File("quartz.db")));
        Assert.False(Directory.Exists(temp.File("out")));
    }

    /// <summary>
    /// A queued run is recorded by the worker that runs it, in its own run store: queueing only
    /// writes the trigger to the job store, and no longer creates a local run store.
    /// </summary>
    [Fact]
    public async Task PipelineRunQueue_CreatesNoLocalRunStore()
    {
        using var temp = new TempFolder();
        var config = await JobStoreSettingsAsync(temp);

        var result = await CliHarness.RunAsync(
            "pipeline",
            "run",
            "training",
            "--queue",
            "--json",
            "--store",
            "sqlite:///" + temp.File("pipelines.db"),
            "--config",
            config
        );

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(temp.File("quartz.db")));
        Assert.False(File.Exists(temp.File("pipelines.db")));
    }

    /// <summary>
    /// The alert policy file of --param alerts-config missing, a folder or broken: unusable input
    /// (exit 2, as mhi monitor --alerts), not a usage error; nothing created, recorded or queued.
    /// </summary>
    [Theory]
    [InlineData("missing", "error: alert configuration (alerts-config) not found: {file}")]
    [InlineData(
        "folder",
        "error: alert configuration (alerts-config) {file} is a folder, not a file; give the path of a file."
    )]
    [InlineData(
        "broken",
        "error: parameter alerts-config: Invalid alert configuration: Alerts.CoolDownHour"
    )]
    public async Task PipelineRun_AlertsConfigFileUnusable_ExitsTwoNothingCreatedOrQueued(
        string kind,
        string expected
    )
    {
        using var temp = new TempFolder();
        var config = await JobStoreSettingsAsync(temp);
        var file = temp.File("alerts.json");
        if (kind == "folder")
        {
            Directory.CreateDirectory(file);
        }
        else if (kind == "broken")
        {
            await File.WriteAllTextAsync(file, """{ "Alerts": { "CoolDownHour": 5 } }""");
        }
        string[] run =
        [
            "pipeline",
            "run",
            "monitoring",
            "-p",
            "current=week.csv",
            "-p",
            "alerts-config=" + file,
            "--store",
            "sqlite:///" + temp.File("pipelines.db"),
            "--config",
            config,
        ];

        var here = await CliHarness.RunAsync(run);
        var queued = await CliHarness.RunAsync([.. run, "--queue"]);

        foreach (var result in new[] { here, queued })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(
                expected.Replace("{file}", file, StringComparison.Ordinal),
                result.Error.Trim(),
                StringComparison.Ordinal
            );
        }
        Assert.False(File.Exists(temp.File("pipelines.db")));
        Assert.False(File.Exists(temp.File("quartz.db")));
    }

    // A settings file whose scheduler queues to a SQLite job store in temp (quartz.db).
    private static async Task<string> JobStoreSettingsAsync(TempFolder temp)
    {
        var config = temp.File("settings.json");
        await File.WriteAllTextAsync(
            config,
            new System.Text.Json.Nodes.JsonObject
            {
                ["scheduler"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["jobStore"] = "sqlite:///" + temp.File("quartz.db"),
                },
            }.ToJsonString()
        );
        return config;
    }

    [Theory]
    [InlineData("""{ "runStore": "mysql://admin:hunter2@db/runs" }""", "Unsupported run store")]
    [InlineData("""{ "scheduler": { "jobStore": "sqlite:///" } }""", "Invalid SQLite location")]
    public async Task Worker_UnsupportedOrEmptyStoreLocationInTheSettings_InvalidSettingsAsDocumented(
        string json,
        string expected
    )
    {
        using var temp = new TempFolder();
        var config = temp.File("settings.json");
        await File.WriteAllTextAsync(config, json);

        var result = await CliHarness.RunAsync("worker", "--config", config);

        // docs/scheduling.md: a settings file's store location is the file's content (exit 2);
        // only one typed on the command line (--store) is a usage error.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("show")]
    [InlineData("cancel")]
    public async Task PipelineReadCommands_MissingStore_ExitTwoAndNothingCreated(string verb)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.File("nothere"), "p.db");
        string[] args = verb == "runs" ? ["pipeline", verb] : ["pipeline", verb, "0123456789"];

        var result = await CliHarness.RunAsync([.. args, "--store", "sqlite:///" + path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"No pipeline run store at {path}", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("nothere")));
    }

    [Fact]
    public async Task PipelineRuns_SqliteFileThatIsNotARunStore_ExitTwoAndNoTableAdded()
    {
        using var temp = new TempFolder();
        var path = temp.File("mlruns.db");
        SqliteTables.Create(path, "experiments");

        var result = await CliHarness.RunAsync("pipeline", "runs", "--store", "sqlite:///" + path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a pipeline run store", result.Error, StringComparison.Ordinal);
        Assert.Equal(["experiments"], SqliteTables.List(path));
    }
}
