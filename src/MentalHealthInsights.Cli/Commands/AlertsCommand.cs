using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Infrastructure.Monitoring.Store;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi alerts</c>: the alert policy and the alerts recorded in the monitoring store.</summary>
internal static class AlertsCommand
{
    /// <summary>The environment variable naming the monitoring store (default ./monitoring.db).</summary>
    public const string StoreVariable = "MHI_MONITORING_DB";

    public static Command Create(CliEnvironment environment) =>
        new("alerts", "Monitoring alerts: check a policy file, list recorded alerts")
        {
            AlertsListCommand.Create(environment),
            AlertsCheckCommand.Create(environment),
        };

    /// <summary>Creates the --store option (the SQLite monitoring database).</summary>
    public static Option<string?> StoreOption() =>
        new("--store")
        {
            Description =
                $"Monitoring store (SQLite file); default ${StoreVariable} or ./{SqliteMonitoringStoreOptions.DefaultFileName}",
        };

    /// <summary>The store file named by the option, the environment or the default.</summary>
    public static string StorePath(string? option)
    {
        var path = option;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(StoreVariable);
        }
        if (string.IsNullOrWhiteSpace(path))
        {
            path = SqliteMonitoringStoreOptions.DefaultFileName;
        }
        return Path.GetFullPath(path);
    }
}
