using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi pipeline show RUN</c>: one run with its steps, outputs and links.</summary>
internal static class PipelineShowCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var run = PipelineCommand.RunArgument();
        var json = CommonOptions.Json();
        return PipelineCommand.StoreCommand(
            environment,
            "show",
            "Show a pipeline run and its steps",
            [run, json],
            async (parseResult, io, _, runStore, cancellationToken) =>
            {
                var record = await PipelineCommand.FindRunAsync(
                    runStore,
                    parseResult.GetRequiredValue(run),
                    cancellationToken
                );
                var steps = await runStore.GetStepsAsync(record.Id, cancellationToken);
                await io.Output.WriteLineAsync(
                    parseResult.GetValue(json)
                        ? JsonOutput.Format(PipelineCommand.ToJson(record, steps))
                        : PipelineCommand.RenderRun(record)
                            + Environment.NewLine
                            + PipelineCommand.RenderSteps(steps)
                );
                return ExitCodes.Ok;
            },
            readsOnly: true
        );
    }
}
