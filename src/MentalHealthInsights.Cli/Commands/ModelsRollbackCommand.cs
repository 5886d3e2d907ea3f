using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi models rollback NAME</c>: the champion goes back to the previous champion.</summary>
internal static class ModelsRollbackCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Registered model name" };
        var uri = TrackingConnection.UriOption();
        var command = new Command(
            "rollback",
            "Move champion back to the version it pointed to before"
        )
        {
            name,
            uri,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var backend = TrackingConnection.OpenExistingRegistry(
                        parseResult,
                        uri,
                        environment.Time
                    );
                    var model = parseResult.GetRequiredValue(name);
                    var history = await TrackingConnection.CallAsync(() =>
                        backend.Registry.GetAliasHistoryAsync(
                            model,
                            PromotionGate.ChampionAlias,
                            cancellationToken
                        )
                    );
                    var last = history.Count > 0 ? history[^1] : null;
                    if (last?.FromVersion is not { } previous)
                    {
                        throw new CommandFailure(
                            ExitCodes.InvalidData,
                            $"{model} has no previous champion to roll back to."
                        );
                    }
                    var why = $"rollback from version {last.ToVersion}";
                    await TrackingConnection.CallAsync(async () =>
                    {
                        await backend.Registry.SetRegisteredModelAliasAsync(
                            model,
                            PromotionGate.ChampionAlias,
                            previous,
                            new AliasChangeNote(Environment.UserName, why),
                            cancellationToken
                        );
                        return true;
                    });
                    await io.Output.WriteLineAsync(
                        $"{model}@champion → version {previous} ({why})"
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
