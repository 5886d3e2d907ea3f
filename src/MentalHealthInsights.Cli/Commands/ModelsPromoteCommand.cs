using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

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
                    // One printable line: the history is printed as one line per change.
                    if (string.IsNullOrWhiteSpace(why) || TerminalText.HasControlCharacter(why))
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            "--reason must be a non-empty line of text without control characters (newlines, escape sequences)."
                        );
                    }
                    // The version must exist: a clear error rather than an alias to nothing.
                    await TrackingConnection.CallAsync(() =>
                        backend.Registry.GetModelVersionAsync(model, number, cancellationToken)
                    );
                    // Promoting the champion again changes nothing: say so, record nothing.
                    var current = await TrackingConnection.CallAsync(async () =>
                    {
                        try
                        {
                            return (
                                await backend.Registry.GetModelVersionByAliasAsync(
                                    model,
                                    PromotionGate.ChampionAlias,
                                    cancellationToken
                                )
                            ).Version;
                        }
                        catch (TrackingException ex)
                            when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
                        {
                            return (int?)null;
                        }
                    });
                    if (current == number)
                    {
                        await io.Output.WriteLineAsync(
                            $"{model}@champion is already version {number}; nothing changed."
                        );
                        return ExitCodes.Ok;
                    }
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
