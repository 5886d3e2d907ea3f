using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// Where the dashboard pages read from, with the same defaults as the CLI so <c>mhi serve</c>
/// started beside <c>mhi monitor</c> and <c>mhi pipeline run</c> shows their results:
/// <c>Monitoring:Store</c>, else MHI_MONITORING_DB, else ./monitoring.db (SQLite or PostgreSQL); and
/// <c>Pipelines:Store</c>, else MHI_PIPELINE_STORE, else sqlite:///pipelines.db.
/// </summary>
internal static class DashboardStores
{
    /// <summary>The configuration key naming the monitoring store (a SQLite file or a PostgreSQL database).</summary>
    public const string MonitoringKey = "Monitoring:Store";

    /// <summary>The configuration key naming the pipeline run store (SQLite or PostgreSQL).</summary>
    public const string PipelinesKey = "Pipelines:Store";

    /// <summary>The environment variable <c>mhi monitor</c> and <c>mhi alerts</c> read.</summary>
    public const string MonitoringVariable = "MHI_MONITORING_DB";

    /// <summary>The monitoring store's location: a SQLite path, or a PostgreSQL URI or connection string.</summary>
    public static string MonitoringLocation(IConfiguration configuration) =>
        First(
            configuration[MonitoringKey],
            Environment.GetEnvironmentVariable(MonitoringVariable),
            SqliteMonitoringStoreOptions.DefaultFileName
        );

    /// <summary>
    /// The monitoring store to read, or null when it is a SQLite file that does not exist (a
    /// read-only page must not create it). A PostgreSQL store creates its tables on first use.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed location.</exception>
    public static IMonitoringStore? OpenMonitoring(IConfiguration configuration)
    {
        var location = MonitoringLocation(configuration);
        return MonitoringStoreFactory.SqlitePath(location) is { } path && !File.Exists(path)
            ? null
            : MonitoringStoreFactory.Create(location);
    }

    /// <summary>The pipeline run store's location.</summary>
    public static string PipelinesLocation(IConfiguration configuration) =>
        First(
            configuration[PipelinesKey],
            Environment.GetEnvironmentVariable(PipelineRunStoreFactory.LocationVariable),
            PipelineRunStoreFactory.DefaultLocation
        );

    /// <summary>
    /// The SQLite file a location names, or null for PostgreSQL. Reading a missing file would
    /// create it; a read-only page must not, so callers check it exists first.
    /// </summary>
    public static string? SqliteFile(string location)
    {
        if (PipelineRunStoreFactory.IsPostgres(location))
        {
            return null;
        }
        const string prefix = "sqlite:///";
        var path = location.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? location[prefix.Length..]
            : location;
        return path.Length == 0 || path.Contains("://", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(path);
    }

    private static string First(params string?[] values) =>
        values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
