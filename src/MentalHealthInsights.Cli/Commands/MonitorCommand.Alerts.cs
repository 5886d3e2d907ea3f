using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>The alerts part of <c>mhi monitor</c>: options, the store's location, the policy and the output.</summary>
internal static partial class MonitorCommand
{
    private const string SqliteUriPrefix = "sqlite:///";

    /// <summary>
    /// The monitoring store for a run (a SQLite file's full path, or a PostgreSQL URI or
    /// connection string as given): <c>--store</c>, else <c>$MHI_MONITORING_DB</c>, else
    /// <c>monitoring.db</c> beside the tracking database when tracking goes to a local SQLite file
    /// (so the default <c>./mlruns.db</c> gives <c>./monitoring.db</c>, which <c>mhi alerts list</c>
    /// reads by default), else (<c>--no-track</c> or an MLflow server) in the output folder.
    /// </summary>
    public static string ResolveStorePath(
        string? option,
        TrackingBackend? trackingBackend,
        bool track,
        string? outputDirectory
    )
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Normalise(option);
        }
        var variable = Environment.GetEnvironmentVariable(AlertsCommand.StoreVariable);
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return Normalise(variable);
        }
        if (
            track
            && trackingBackend?.TrackingUri is { } uri
            && uri.StartsWith(SqliteUriPrefix, StringComparison.OrdinalIgnoreCase)
            && Path.GetDirectoryName(uri[SqliteUriPrefix.Length..]) is { Length: > 0 } folder
        )
        {
            return Path.Combine(folder, SqliteMonitoringStoreOptions.DefaultFileName);
        }
        // A null folder is an s3:// --out: the history must not live in a temporary folder.
        return outputDirectory is null
            ? throw new CommandFailure(
                ExitCodes.Usage,
                $"with an s3:// --out, give --store (or {AlertsCommand.StoreVariable}) for the alert history, track to a sqlite:/// store, or pass --no-alerts."
            )
            : Path.Combine(outputDirectory, SqliteMonitoringStoreOptions.DefaultFileName);
    }

    private static string Normalise(string location)
    {
        try
        {
            return MonitoringStoreFactory.Normalise(location);
        }
        catch (ArgumentException ex)
        {
            throw CommandFailure.Usage(ex);
        }
    }

    /// <summary>
    /// The alert settings of --alerts, or the documented defaults; a bad file is unusable input
    /// (exit 2, as in <c>mhi alerts check</c>) listing every problem.
    /// </summary>
    private static AlertSettings LoadAlertSettings(string? path)
    {
        if (path is null)
        {
            return AlertSettings.Default;
        }
        try
        {
            return AlertSettingsLoader.LoadFile(
                StorageArguments.RequireLocalFile(path, "alert configuration")
            );
        }
        catch (AlertPolicyException ex)
        {
            throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
        }
    }

    private static JsonObject AlertsJson(AlertRunResult result, string storePath)
    {
        var alerts = new JsonArray();
        foreach (var alert in result.Alerts)
        {
            alerts.Add(
                new JsonObject
                {
                    ["alertId"] = alert.AlertId,
                    ["rule"] = alert.RuleName,
                    ["severity"] = AlertPolicy.SeverityName(alert.Severity),
                    ["status"] = AlertPolicy.StatusName(alert.Status),
                    ["condition"] = alert.Condition,
                    ["value"] = alert.Value,
                    ["reason"] = alert.Reason,
                    ["breachedSince"] = alert.BreachedSince.ToString(
                        "O",
                        CultureInfo.InvariantCulture
                    ),
                }
            );
        }
        var deliveries = new JsonArray();
        foreach (var delivery in result.Deliveries)
        {
            deliveries.Add(
                new JsonObject
                {
                    ["channel"] = delivery.Channel,
                    ["delivered"] = delivery.Delivered,
                    ["attempts"] = delivery.Attempts,
                    ["error"] = delivery.Error,
                }
            );
        }
        var node = new JsonObject
        {
            ["store"] = storePath,
            ["monitoringRunId"] = result.Snapshot.RunId,
            ["alreadyProcessed"] = result.AlreadyProcessed,
            ["alerts"] = alerts,
            ["deliveries"] = deliveries,
        };
        if (result.Retraining is { } retraining)
        {
            node["retraining"] = new JsonObject
            {
                ["started"] = retraining.Started,
                ["trainingRunId"] = retraining.TrainingRunId,
                ["version"] = retraining.Version,
                ["promoted"] = retraining.Promoted,
                ["promotionReason"] = retraining.PromotionReason,
                ["error"] = retraining.Error,
            };
        }
        return node;
    }

    private static async Task WriteAlertsAsync(
        CommandIo io,
        AlertRunResult result,
        string storePath
    )
    {
        int fired = result.Fired.Count();
        int suppressed = result.Alerts.Count - fired;
        await io.Output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Alerts: {fired} fired, {suppressed} suppressed (store {storePath}, run {result.Snapshot.RunId})."
            )
        );
        foreach (var alert in result.Alerts)
        {
            await io.Output.WriteLineAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"- [{AlertPolicy.StatusName(alert.Status)}] {alert.RuleName} ({AlertPolicy.SeverityName(alert.Severity)}): {alert.Metric} = {alert.Value:0.####}, {alert.Condition}; {alert.Reason}"
                )
            );
        }
        foreach (var failed in result.Deliveries.Where(d => !d.Delivered))
        {
            await io.Output.WriteLineAsync(
                $"- delivery on {failed.Channel} failed: {failed.Error} (the alert is recorded)"
            );
        }
    }

    /// <summary>Creates the alert options of <c>mhi monitor</c>.</summary>
    private static (
        Option<string?> Store,
        Option<string?> Alerts,
        Option<bool> NoAlerts
    ) AlertOptions() =>
        (
            new Option<string?>("--store")
            {
                Description =
                    $"Monitoring store for the run's snapshot and alerts: a SQLite path or PostgreSQL (postgresql://… or Host=…); default ${AlertsCommand.StoreVariable}, else monitoring.db beside the tracking database, else in --out",
            },
            new Option<string?>("--alerts")
            {
                Description =
                    "Alert policy file (the \"Alerts\" JSON section; see mhi alerts check); default: the documented default policy",
            },
            new Option<bool>("--no-alerts")
            {
                Description = "Neither store a snapshot nor evaluate alerts",
            }
        );

    /// <summary>Writes the alert log channel's lines to stderr (the CLI has no logging host).</summary>
    private sealed class StderrLoggerFactory(TextWriter error) : ILoggerFactory, ILogger
    {
        public void AddProvider(ILoggerProvider provider) { }

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose() { }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (IsEnabled(logLevel))
            {
                error.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{logLevel} [{eventId.Id}] {formatter(state, exception)}"
                    )
                );
            }
        }
    }
}
