using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi pipeline cancel RUN</c>: asks the process running a run to cancel it. The owner
/// polls the run store at every heartbeat, stops the current step and records Cancelled.
/// </summary>
internal static class PipelineCancelCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var run = new Argument<string>("RUN")
        {
            Description = "Run id (or a unique prefix of 6+ characters)",
        };
        var store = PipelineCommand.StoreOption();
        var config = PipelineCommand.ConfigOption();
        var command = new Command("cancel", "Cancel a running pipeline run (in any process)")
        {
            run,
            store,
            config,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var settings = PipelineCommand.LoadSettings(parseResult.GetValue(config));
                    await using var runStore = await PipelineCommand.OpenStoreAsync(
                        environment,
                        io,
                        settings,
                        parseResult.GetValue(store),
                        cancellationToken
                    );
                    var record = await PipelineCommand.FindRunAsync(
                        runStore,
                        parseResult.GetRequiredValue(run),
                        cancellationToken
                    );
                    if (!await runStore.RequestCancelAsync(record.Id, cancellationToken))
                    {
                        throw new CommandFailure(
                            ExitCodes.InvalidData,
                            $"run {record.Id} is already {record.State.ToString().ToLowerInvariant()}; nothing to cancel."
                        );
                    }
                    await io.Output.WriteLineAsync(
                        $"Cancel requested for run {record.Id}; its process stops within one heartbeat ({settings.HeartbeatSeconds:0.#} s)."
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
