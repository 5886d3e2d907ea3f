using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi models list</c>: registered models with their latest version and aliases.</summary>
internal static class ModelsListCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var uri = TrackingConnection.UriOption();
        var json = CommonOptions.Json();
        var command = new Command("list", "List registered models") { uri, json };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var backend = TrackingConnection.OpenExistingRegistry(
                        parseResult,
                        uri,
                        environment.Time
                    );
                    var page = await TrackingConnection.CallAsync(() =>
                        backend.Registry.SearchRegisteredModelsAsync(
                            new RegisteredModelSearchQuery(),
                            cancellationToken
                        )
                    );
                    if (parseResult.GetValue(json))
                    {
                        var models = new JsonArray();
                        foreach (var model in page.Items)
                        {
                            var aliases = new JsonObject();
                            foreach (var (alias, version) in model.Aliases)
                            {
                                aliases[alias] = version;
                            }
                            models.Add(
                                new JsonObject
                                {
                                    ["name"] = model.Name,
                                    ["latestVersion"] = model.LatestVersion,
                                    ["aliases"] = aliases,
                                }
                            );
                        }
                        await io.Output.WriteLineAsync(
                            JsonOutput.Format(new JsonObject { ["models"] = models })
                        );
                        return ExitCodes.Ok;
                    }
                    if (page.Items.Count == 0)
                    {
                        await io.Output.WriteLineAsync(
                            $"No registered models in {backend.RegistryUri}."
                        );
                        return ExitCodes.Ok;
                    }
                    foreach (var model in page.Items)
                    {
                        var aliases = string.Join(
                            ", ",
                            model
                                .Aliases.OrderBy(a => a.Key, StringComparer.Ordinal)
                                .Select(a => $"{a.Key} → v{a.Value}")
                        );
                        await io.Output.WriteLineAsync(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"{model.Name}  latest v{model.LatestVersion}  {aliases}"
                            )
                        );
                    }
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
