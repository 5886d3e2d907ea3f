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
        var run = PipelineCommand.RunArgument();
        return PipelineCommand.StoreCommand(
            environment,
            "cancel",
            "Cancel a running pipeline run (in any process)",
            [run],
            async (parseResult, io, settings, runStore, cancellationToken) =>
            {
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
            },
            readsOnly: true
        );
    }
}
