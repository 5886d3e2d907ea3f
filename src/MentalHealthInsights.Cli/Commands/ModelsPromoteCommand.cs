using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi models promote NAME VERSION</c>: makes a version the champion (recorded, with who and why).</summary>
internal static class ModelsPromoteCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Registered model name" };
        var version = new Argument<int>("version") { Description = "Version to promote" };
        var reason = new Option<string>("--reason")
        {
            Description = "Why (recorded in the alias history)",
            DefaultValueFactory = _ => "manual promotion",
        };
        var uri = TrackingConnection.UriOption();
        var command = new Command(
            "promote",
            "Make a version the champion (a manual decision, recorded)"
        )
        {
            name,
            version,
            reason,
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
                    var number = parseResult.GetValue(version);
                    var why = parseResult.GetRequiredValue(reason);
                    // The version must exist: a clear error rather than an alias to nothing.
                    await TrackingConnection.CallAsync(() =>
                        backend.Registry.GetModelVersionAsync(model, number, cancellationToken)
                    );
                    await TrackingConnection.CallAsync(async () =>
                    {
                        await backend.Registry.SetRegisteredModelAliasAsync(
                            model,
                            PromotionGate.ChampionAlias,
                            number,
                            new AliasChangeNote(Environment.UserName, why),
                            cancellationToken
                        );
                        return true;
                    });
                    await io.Output.WriteLineAsync($"{model}@champion → version {number} ({why})");
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
