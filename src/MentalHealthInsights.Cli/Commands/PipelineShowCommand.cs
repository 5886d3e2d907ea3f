using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi pipeline show RUN</c>: one run with its steps, outputs and links.</summary>
internal static class PipelineShowCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var run = new Argument<string>("RUN")
        {
            Description = "Run id (or a unique prefix of 6+ characters)",
        };
        var store = PipelineCommand.StoreOption();
        var config = PipelineCommand.ConfigOption();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a pipeline run and its steps")
        {
            run,
            store,
            config,
            json,
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
                    var steps = await runStore.GetStepsAsync(record.Id, cancellationToken);
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? JsonOutput.Format(PipelineCommand.ToJson(record, steps))
                            : PipelineCommand.RenderRun(record)
                                + Environment.NewLine
                                + PipelineCommand.RenderSteps(steps)
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
