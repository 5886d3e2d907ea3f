using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi models show NAME[@ALIAS|/VERSION]</c>: one model version (default: the champion).</summary>
internal static class ModelsShowCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var reference = new Argument<string>("model")
        {
            Description = "NAME@ALIAS, NAME/VERSION or NAME (= NAME@champion)",
        };
        var uri = TrackingConnection.UriOption();
        var json = CommonOptions.Json();
        var command = new Command(
            "show",
            "Show a model version, its aliases and why it was (not) promoted"
        )
        {
            reference,
            uri,
            json,
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
                    var version = await ResolveAsync(
                        backend,
                        parseResult.GetRequiredValue(reference),
                        cancellationToken
                    );
                    var history = await TrackingConnection.CallAsync(() =>
                        backend.Registry.GetAliasHistoryAsync(
                            version.Name,
                            cancellationToken: cancellationToken
                        )
                    );
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? JsonOutput.Format(ToJson(version, history))
                            : Render(version, history)
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    /// <summary>Resolves NAME@ALIAS, NAME/VERSION or NAME (the champion).</summary>
    public static Task<ModelVersion> ResolveAsync(
        TrackingBackend backend,
        string reference,
        CancellationToken cancellationToken
    )
    {
        var parsed =
            ModelReference.TryParse(reference, PromotionGate.ChampionAlias)
            ?? throw new CommandFailure(
                ExitCodes.Usage,
                $"'{reference}' must be NAME@ALIAS, NAME/VERSION (a number) or NAME."
            );
        return TrackingConnection.CallAsync(() =>
            parsed.FindAsync(backend.Registry, cancellationToken)
        );
    }

    private static string Render(ModelVersion version, IReadOnlyList<AliasChange> history)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"{version.Name} version {version.Version}");
        text.AppendLine(culture, $"  aliases    {string.Join(", ", version.Aliases)}");
        text.AppendLine(culture, $"  source     {version.Source}");
        text.AppendLine(culture, $"  run        {version.RunId}");
        text.AppendLine(culture, $"  status     {version.Status}");
        text.AppendLine(culture, $"  summary    {version.Description}");
        foreach (var (key, value) in version.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  {key, -22} {value}");
        }
        if (history.Count > 0)
        {
            text.AppendLine("Alias history:");
            foreach (var change in history)
            {
                var when = DateTimeOffset.FromUnixTimeMilliseconds(change.ChangedAtMs);
                text.AppendLine(
                    culture,
                    $"  {when:yyyy-MM-dd HH:mm:ss}Z  {change.Alias}: v{change.FromVersion?.ToString(culture) ?? "-"} → v{change.ToVersion?.ToString(culture) ?? "-"}  by {TerminalText.Escape(change.ChangedBy)}  {TerminalText.Escape(change.Reason)}"
                );
            }
        }
        text.AppendLine("This is a screening aid, not a diagnosis.");
        return text.ToString().TrimEnd();
    }

    private static JsonObject ToJson(ModelVersion version, IReadOnlyList<AliasChange> history)
    {
        var tags = new JsonObject();
        foreach (var (key, value) in version.Tags)
        {
            tags[key] = value;
        }
        return new JsonObject
        {
            ["name"] = version.Name,
            ["version"] = version.Version,
            ["aliases"] = new JsonArray([.. version.Aliases.Select(a => (JsonNode?)a)]),
            ["source"] = version.Source,
            ["runId"] = version.RunId,
            ["status"] = version.Status.ToString(),
            ["description"] = version.Description,
            ["tags"] = tags,
            ["aliasHistory"] = new JsonArray([
                .. history.Select(c =>
                    (JsonNode?)
                        new JsonObject
                        {
                            ["alias"] = c.Alias,
                            ["fromVersion"] = c.FromVersion,
                            ["toVersion"] = c.ToVersion,
                            ["changedBy"] = c.ChangedBy,
                            ["changedAtMs"] = c.ChangedAtMs,
                            ["reason"] = c.Reason,
                        }
                ),
            ]),
        };
    }
}
