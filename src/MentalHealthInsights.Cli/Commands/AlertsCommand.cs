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

    /// <summary>Creates the --store option (a SQLite file or a PostgreSQL database).</summary>
    public static Option<string?> StoreOption() =>
        new("--store")
        {
            Description =
                $"Monitoring store: a SQLite path or PostgreSQL (postgresql://… or Host=…); default ${StoreVariable} or ./{SqliteMonitoringStoreOptions.DefaultFileName}",
        };

    /// <summary>
    /// The store named by the option, the environment or the default: a SQLite file's full path,
    /// or a PostgreSQL URI / connection string as given.
    /// </summary>
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
        try
        {
            return MonitoringStoreFactory.Normalise(path);
        }
        catch (ArgumentException ex)
        {
            throw CommandFailure.Usage(ex);
        }
    }
}
