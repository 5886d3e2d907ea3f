using System.CommandLine;
using System.Globalization;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Infrastructure.Scheduling;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi worker</c>: the Quartz scheduler host. Runs scheduled and queued pipeline runs until
/// stopped (Ctrl+C / SIGTERM). On a SQLite job store it applies the configured schedules; in
/// a cluster only a worker started with <c>--apply-schedules</c> does, so schedules are
/// declared in one place.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var store = PipelineCommand.StoreOption();
        var config = PipelineCommand.ConfigOption();
        var apply = new Option<bool?>("--apply-schedules")
        {
            Description =
                "Write the settings' schedules to the job store (default: yes on SQLite, no when clustered)",
        };
        var instance = new Option<string?>("--instance-id")
        {
            Description = "This node's id in the cluster (default host/pid/random)",
        };
        var command = new Command("worker", "Run scheduled and queued pipelines (Quartz)")
        {
            store,
            config,
            apply,
            instance,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var settings = PipelineCommand.LoadSettings(parseResult.GetValue(config));
                    var runnerOptions = settings.ToRunnerOptions(parseResult.GetValue(instance));
                    await using var runStore = await PipelineCommand.OpenStoreAsync(
                        environment,
                        io,
                        settings,
                        parseResult.GetValue(store),
                        cancellationToken
                    );
                    var output = TextWriter.Synchronized(io.Output);
                    await using var scheduler = await PipelineScheduler.StartNodeAsync(
                        settings,
                        new PipelineJobServices(
                            runStore,
                            environment.Time,
                            runnerOptions,
                            output.WriteLine
                        ),
                        parseResult.GetValue(apply),
                        startup => Report(output, startup),
                        cancellationToken
                    );
                    output.WriteLine(
                        $"worker {runnerOptions.OwnerId} started ({(settings.Scheduler.Clustered ? "clustered" : "single node")}); Ctrl+C stops it"
                    );
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Stop taking firings; running pipelines are cancelled, record it, and
                        // the worker waits for that before it exits.
                        await scheduler.StopAsync(CancellationToken.None);
                        output.WriteLine($"worker {runnerOptions.OwnerId} stopped");
                    }
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    private static void Report(TextWriter output, SchedulerNodeStartup startup)
    {
        if (startup.Applied is { } applied)
        {
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"schedules: {applied.Added.Count} added, {applied.Updated.Count} updated, {applied.Unchanged.Count} unchanged, {applied.Removed.Count} removed"
                )
            );
        }
        foreach (var (name, pipeline, next) in startup.Schedules)
        {
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"schedule {name} ({pipeline}): next {next:yyyy-MM-dd HH:mm:ss}Z"
                )
            );
        }
    }
}
