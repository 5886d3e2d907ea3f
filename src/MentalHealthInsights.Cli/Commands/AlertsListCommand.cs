using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi alerts list</c>: recorded alerts, newest window first, with their deliveries.</summary>
internal static class AlertsListCommand
{
    public static Command Create(CliEnvironment environment)
    {
        _ = environment;
        var store = AlertsCommand.StoreOption();
        var limit = CommonOptions.Between(
            "--limit",
            "Most alerts to list",
            50,
            1,
            AlertQuery.MaxLimit
        );
        var status = new Option<string>("--status")
        {
            Description = "fired, suppressed or all",
            DefaultValueFactory = _ => "all",
        };
        status.AcceptOnlyFromAmong("fired", "suppressed", "all");
        var rule = new Option<string?>("--rule") { Description = "Only this rule" };
        var json = CommonOptions.Json();
        var command = new Command("list", "List recorded alerts, newest window first")
        {
            store,
            limit,
            status,
            rule,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var location = AlertsCommand.StorePath(parseResult.GetValue(store));
                    // Listing must not create a SQLite file, nor add the monitoring tables to
                    // another database (the tracking store); a PostgreSQL store is created on
                    // first use.
                    var path = MonitoringStoreFactory.SqlitePath(location);
                    ExistingSqliteStore.Require(
                        path,
                        $"no monitoring store at {path} (give --store or set {AlertsCommand.StoreVariable}).",
                        MonitoringStoreFactory.IsSqliteMonitoringStore,
                        $"{path} is not a monitoring store (it has no monitoring tables); nothing was changed."
                    );
                    var monitoring = MonitoringStoreFactory.Create(location);
                    var statusText = parseResult.GetRequiredValue(status);
                    var alerts = await monitoring.ListAlertsAsync(
                        new AlertQuery
                        {
                            Limit = parseResult.GetValue(limit),
                            RuleName = parseResult.GetValue(rule),
                            Status = statusText switch
                            {
                                "fired" => AlertStatus.Fired,
                                "suppressed" => AlertStatus.Suppressed,
                                _ => null,
                            },
                        },
                        cancellationToken
                    );
                    if (parseResult.GetValue(json))
                    {
                        var array = new JsonArray();
                        foreach (var alert in alerts)
                        {
                            var deliveries = new JsonArray();
                            foreach (
                                var delivery in await monitoring.ListDeliveriesAsync(
                                    alert.AlertId,
                                    cancellationToken
                                )
                            )
                            {
                                deliveries.Add(
                                    new JsonObject
                                    {
                                        ["channel"] = delivery.Result.Channel,
                                        ["delivered"] = delivery.Result.Delivered,
                                        ["attempts"] = delivery.Result.Attempts,
                                        ["error"] = delivery.Result.Error,
                                    }
                                );
                            }
                            array.Add(
                                new JsonObject
                                {
                                    ["alertId"] = alert.AlertId,
                                    ["monitoringRunId"] = alert.MonitoringRunId,
                                    ["rule"] = alert.RuleName,
                                    ["severity"] = AlertPolicy.SeverityName(alert.Severity),
                                    ["status"] = AlertPolicy.StatusName(alert.Status),
                                    ["condition"] = alert.Condition,
                                    ["value"] = alert.Value,
                                    ["windowStart"] = alert.WindowStart.ToString(
                                        "O",
                                        CultureInfo.InvariantCulture
                                    ),
                                    ["windowEnd"] = alert.WindowEnd.ToString(
                                        "O",
                                        CultureInfo.InvariantCulture
                                    ),
                                    ["breachedSince"] = alert.BreachedSince.ToString(
                                        "O",
                                        CultureInfo.InvariantCulture
                                    ),
                                    ["reason"] = alert.Reason,
                                    ["deliveries"] = deliveries,
                                }
                            );
                        }
                        await io.Output.WriteLineAsync(
                            JsonOutput.Format(new JsonObject { ["alerts"] = array })
                        );
                        return ExitCodes.Ok;
                    }
                    if (alerts.Count == 0)
                    {
                        await io.Output.WriteLineAsync(
                            $"No alerts recorded in {MonitoringStoreFactory.Describe(location)}."
                        );
                        return ExitCodes.Ok;
                    }
                    foreach (var alert in alerts)
                    {
                        await io.Output.WriteLineAsync(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"{alert.WindowEnd:yyyy-MM-dd HH:mm}  {AlertPolicy.StatusName(alert.Status), -10} {AlertPolicy.SeverityName(alert.Severity), -8} {alert.RuleName, -18} {alert.Metric} = {alert.Value:0.####} ({alert.Condition})  run {alert.MonitoringRunId}"
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
