using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi alerts check</c>: validates an alert configuration file as a service would at start-up
/// and prints the resulting policy (exit 2 with every problem listed when it is invalid).
/// </summary>
internal static class AlertsCheckCommand
{
    public static Command Create(CliEnvironment environment)
    {
        _ = environment;
        var config = new Option<string?>("--config")
        {
            Description = "JSON file with an \"Alerts\" section; omitted: the default policy",
        };
        var json = CommonOptions.Json();
        var command = new Command("check", "Validate an alert configuration and show the policy")
        {
            config,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var path = parseResult.GetValue(config);
                    AlertSettings settings;
                    try
                    {
                        settings = path is null
                            ? AlertSettings.Default
                            : AlertSettingsLoader.LoadFile(
                                StorageArguments.RequireLocalFile(path, "alert configuration")
                            );
                    }
                    catch (AlertPolicyException ex)
                    {
                        throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
                    }
                    var policy = settings.Policy;
                    if (parseResult.GetValue(json))
                    {
                        var rules = new JsonArray();
                        foreach (var rule in policy.Rules)
                        {
                            rules.Add(
                                new JsonObject
                                {
                                    ["name"] = rule.Name,
                                    ["when"] = rule.Condition,
                                    ["severity"] = AlertPolicy.SeverityName(rule.Severity),
                                }
                            );
                        }
                        var node = new JsonObject
                        {
                            ["valid"] = true,
                            ["rules"] = rules,
                            ["coolDownHours"] = policy.CoolDown.TotalHours,
                            ["webhook"] = settings.Webhook is { } hook
                                ? hook.Format == WebhookPayloadFormat.Slack
                                    ? "slack"
                                    : "json"
                                : null,
                            ["retrainOnAlert"] = policy.RetrainOnAlert,
                            ["retrainMinimumSeverity"] = AlertPolicy.SeverityName(
                                policy.RetrainMinimumSeverity
                            ),
                        };
                        await io.Output.WriteLineAsync(JsonOutput.Format(node));
                        return ExitCodes.Ok;
                    }
                    await io.Output.WriteLineAsync(
                        path is null ? "Default alert policy:" : $"{path}: valid alert policy"
                    );
                    foreach (var rule in policy.Rules)
                    {
                        await io.Output.WriteLineAsync(
                            $"  {rule.Name, -18} {AlertPolicy.SeverityName(rule.Severity), -8} when {rule.Condition}"
                        );
                    }
                    await io.Output.WriteLineAsync(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"  cool-down {policy.CoolDown.TotalHours:0.##} h; webhook: {(settings.Webhook is null ? "none (log only)" : settings.Webhook.Format.ToString().ToLowerInvariant())}; retraining: {(policy.RetrainOnAlert ? $"on {AlertPolicy.SeverityName(policy.RetrainMinimumSeverity)} alerts" : "off")}"
                        )
                    );
                    cancellationToken.ThrowIfCancellationRequested();
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
