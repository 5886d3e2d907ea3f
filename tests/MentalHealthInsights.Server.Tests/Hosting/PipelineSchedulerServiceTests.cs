using System.Net;
using System.Text.Json;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Server.Hosting;
using MentalHealthInsights.Server.Tests.Fixtures;
using MentalHealthInsights.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MentalHealthInsights.Server.Tests.Hosting;

/// <summary>
/// The scheduler hosted in the server (<c>Scheduling:Enabled</c>) on a real SQLite job store
/// and run store: a frequent schedule of the real batch-scoring pipeline records runs the
/// pipelines API shows; without the setting nothing ever runs; a shutdown during a run leaves
/// it Cancelled, not Running. Waits are bounded polls.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class PipelineSchedulerServiceTests(TrainedModelFixture models) : IDisposable
{
    private readonly string _folder = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-serve-sched-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    private string RunStorePath => Path.Combine(_folder, "pipelines.db");

    private string JobStorePath => Path.Combine(_folder, "quartz.db");

    public void Dispose() => SqliteTestFolder.Delete(_folder);

    /// <summary>A settings file with one every-second schedule of <paramref name="pipeline"/>.</summary>
    private string WriteSettings(string pipeline, Dictionary<string, string> parameters)
    {
        var path = Path.Combine(_folder, "mhi-pipelines.json");
        File.WriteAllText(
            path,
            JsonSerializer.Serialize(
                new Dictionary<string, object>
                {
                    ["scheduler"] = new Dictionary<string, object>
                    {
                        ["jobStore"] = "sqlite:///" + JobStorePath,
                    },
                    ["schedules"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["name"] = "every-second",
                            ["pipeline"] = pipeline,
                            ["cron"] = "* * * * * ?",
                            ["misfire"] = "skip",
                            ["parameters"] = parameters,
                        },
                    },
                }
            )
        );
        return path;
    }

    private string BatchScoringSettings() =>
        WriteSettings(
            "batch-scoring",
            new()
            {
                ["input"] = Path.Combine(models.Folder, "train.csv"),
                ["model"] = models.LrBundle,
                ["out"] = Path.Combine(_folder, "out"),
                ["raw-ids"] = "true",
            }
        );

    private ServerFactory Server(string settingsFile, bool enabled) =>
        new(
            models.LrBundle,
            settings: new()
            {
                ["Pipelines:Store"] = "sqlite:///" + RunStorePath,
                ["Scheduling:Config"] = settingsFile,
                ["Scheduling:Enabled"] = enabled ? "true" : "false",
            }
        );

    private static async Task<List<JsonElement>> RunsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/v1/pipelines/runs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return
        [
            .. (await ServerFactory.ReadJsonAsync(response)).GetProperty("runs").EnumerateArray(),
        ];
    }

    private static async Task<JsonElement> WaitForRunAsync(
        HttpClient client,
        Func<JsonElement, bool> wanted
    )
    {
        for (var i = 0; i < 1200; i++)
        {
            if (
                (await RunsAsync(client)).FirstOrDefault(wanted) is
                { ValueKind: JsonValueKind.Object } run
            )
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("no such pipeline run within 120 s");
    }

    private static string Text(JsonElement run, string name) => run.GetProperty(name).GetString()!;

    [Fact]
    public async Task Scheduling_EnabledWithEverySecondSchedule_RecordsCompletedScheduledRunInPipelinesApi()
    {
        await using var factory = Server(BatchScoringSettings(), enabled: true);
        using var client = factory.CreateClient();

        var run = await WaitForRunAsync(client, r => Text(r, "state") == "completed");

        Assert.Equal("batch-scoring", Text(run, "pipeline"));
        Assert.Equal("schedule", Text(run, "trigger"));
        using var detail = await client.GetAsync(
            new Uri("/v1/pipelines/runs/" + Text(run, "id"), UriKind.Relative)
        );
        var steps = (await ServerFactory.ReadJsonAsync(detail)).GetProperty("steps");
        Assert.Equal(
            ["resolve", "score"],
            steps.EnumerateArray().Select(s => s.GetProperty("name").GetString())
        );
        Assert.All(
            steps.EnumerateArray(),
            s => Assert.Equal("completed", s.GetProperty("state").GetString())
        );
        Assert.True(File.Exists(JobStorePath));
    }

    [Fact]
    public async Task Scheduling_NotEnabled_NeverRunsAPipeline()
    {
        await using var factory = Server(BatchScoringSettings(), enabled: false);
        using var client = factory.CreateClient();

        // Three firings' worth of time: an enabled scheduler records a run well within it.
        for (var i = 0; i < 30; i++)
        {
            Assert.Empty(await RunsAsync(client));
            await Task.Delay(100);
        }

        Assert.False(File.Exists(RunStorePath));
        Assert.False(File.Exists(JobStorePath));
    }

    [Fact]
    public async Task Scheduling_BadSettingsFile_RefusesToStart()
    {
        var path = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(
            path,
            """{ "schedules": [ { "name": "x", "pipeline": "nope", "cron": "* * * * * ?" } ] }"""
        );
        await using var factory = Server(path, enabled: true);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        // Program turns the refusal into one critical line and exit code 2 (ServerHost).
        Assert.Contains(
            factory.Logs.Lines,
            l =>
                l.Contains("refuses to start", StringComparison.Ordinal)
                && l.Contains("unknown pipeline 'nope'", StringComparison.Ordinal)
        );
        Assert.False(File.Exists(JobStorePath));
    }

    [Fact]
    public async Task Shutdown_WhileScheduledPipelineRuns_RecordsItCancelledNotRunning()
    {
        var settings = WriteSettings("wait", []);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = Server(settings, enabled: true);
        var factory = server.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s =>
                s.AddSingleton(
                    new SchedulerCatalog(
                        ["wait"],
                        (name, _) => name == "wait" ? WaitPipeline(started) : null
                    )
                )
            )
        );
        string runId;
        using (var client = factory.CreateClient())
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(120));
            runId = Text(await WaitForRunAsync(client, r => Text(r, "state") == "running"), "id");
        }

        await factory.DisposeAsync();

        await using var store = await PipelineRunStoreFactory.OpenAsync(
            "sqlite:///" + RunStorePath,
            CancellationToken.None
        );
        var run = await store.GetRunAsync(runId, CancellationToken.None);
        Assert.True(
            run!.State == PipelineRunState.Cancelled,
            $"run {runId} is {run.State}; the server logged:\n"
                + string.Join("\n", server.Logs.Lines)
        );
        Assert.NotNull(run.EndedAt);
        Assert.Equal(PipelineTrigger.Schedule, run.Trigger);
        Assert.DoesNotContain(
            await store.ListRunsAsync(100, CancellationToken.None),
            r => !r.IsFinished
        );
    }

    /// <summary>A one-step pipeline that waits until it is cancelled.</summary>
    private static PipelineDefinition WaitPipeline(TaskCompletionSource started) =>
        new("wait", "test", [], [new WaitUntilCancelledStep(started)]);
}
