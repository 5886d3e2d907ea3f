using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// <c>mhi pipeline run NAME --queue</c> end to end: a real <c>mhi worker</c> process on a SQLite
/// job store picks the queued run up and records it under the promised id with trigger manual.
/// Waits are bounded polls.
/// </summary>
public sealed class PipelineQueueTests
{
    [Fact]
    public async Task PipelineRunQueue_RealWorker_RunsItWithManualTrigger()
    {
        using var temp = new TempFolder();
        var data = temp.File("d.csv");
        Assert.Equal(
            0,
            (await CliHarness.RunAsync("data", "generate", "-n", "300", "-o", data)).ExitCode
        );
        var store = "sqlite:///" + temp.File("pipelines.db");
        var config = temp.File("pipelines.json");
        await File.WriteAllTextAsync(
            config,
            JsonSerializer.Serialize(
                new Dictionary<string, object>
                {
                    ["runStore"] = store,
                    ["heartbeatSeconds"] = 1,
                    ["scheduler"] = new Dictionary<string, object>
                    {
                        ["jobStore"] = "sqlite:///" + temp.File("quartz.db"),
                    },
                }
            )
        );
        var lines = new ConcurrentQueue<string>();
        using var worker = WorkerProcess.Start(config, "queue-node", lines);
        try
        {
            await WaitForAsync(
                () =>
                    Task.FromResult(
                        lines.Any(l =>
                            l.StartsWith("worker queue-node started", StringComparison.Ordinal)
                        )
                    ),
                lines
            );

            var queued = await CliHarness.RunAsync(
                "pipeline",
                "run",
                "training",
                "--queue",
                "--config",
                config,
                "--json",
                "-p",
                "input=" + data,
                "-p",
                "out=" + temp.File("out"),
                "-p",
                "models=lr",
                "-p",
                "search-budget=1",
                "-p",
                "folds=2",
                "-p",
                "bootstrap=100",
                "-p",
                "tracking-uri=sqlite:///" + temp.File("mlruns.db")
            );
            Assert.Equal(0, queued.ExitCode);
            var runId = JsonDocument
                .Parse(queued.Output)
                .RootElement.GetProperty("queued")
                .GetString()!;

            await using var runs = await PipelineRunStoreFactory.OpenAsync(
                store,
                CancellationToken.None
            );
            PipelineRunRecord? run = null;
            await WaitForAsync(
                async () =>
                {
                    run = await runs.GetRunAsync(runId, CancellationToken.None);
                    return run is { IsFinished: true };
                },
                lines
            );

            Assert.Equal(PipelineRunState.Completed, run!.State);
            Assert.Equal(PipelineTrigger.Manual, run.Trigger);
            Assert.Equal("queue-node", run.OwnerId);
            Assert.Equal("lr", run.Parameters["models"]);
            Assert.Contains(
                lines,
                l => l.Contains($"→ run {runId} (training, manual)", StringComparison.Ordinal)
            );
            var shown = await CliHarness.RunAsync(
                "pipeline",
                "show",
                runId,
                "--config",
                config,
                "--json"
            );
            Assert.Equal(0, shown.ExitCode);
            var json = JsonDocument.Parse(shown.Output).RootElement;
            Assert.Equal("manual", json.GetProperty("trigger").GetString());
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, ConcurrentQueue<string> lines)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(
                deadline.Elapsed < TimeSpan.FromSeconds(120),
                "timed out; worker said: " + string.Join(" | ", lines)
            );
            await Task.Delay(100);
        }
    }
}
