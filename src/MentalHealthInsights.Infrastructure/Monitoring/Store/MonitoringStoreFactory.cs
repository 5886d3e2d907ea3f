using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>
/// The one place that turns a monitoring store location (<c>--store</c>, <c>MHI_MONITORING_DB</c>,
/// <c>Monitoring:Store</c>, the pipeline's <c>monitoring-db</c>) into an <see cref="IMonitoringStore"/>:
/// a path or <c>sqlite:///PATH</c> → <see cref="SqliteMonitoringStore"/> (the default,
/// <c>monitoring.db</c>); a <c>postgres://</c> / <c>postgresql://</c> URI or an Npgsql connection
/// string (<c>Host=…;Database=…</c>) → <see cref="PostgresMonitoringStore"/>. The same rule as
/// the prediction log and the pipeline run store.
/// </summary>
public static class MonitoringStoreFactory
{
    /// <summary>Creates the store <paramref name="location"/> names; nothing is opened until first use.</summary>
    /// <exception cref="ArgumentException">A malformed location (message fit for the user).</exception>
    public static IMonitoringStore Create(string location) =>
        IsPostgres(location)
            ? new PostgresMonitoringStore(NpgsqlConnectionString(location))
            : new SqliteMonitoringStore(
                new SqliteMonitoringStoreOptions { DatabasePath = SqlitePath(location)! }
            );

    /// <summary>
    /// True when the existing file <paramref name="path"/> is a SQLite monitoring store; read
    /// only, creates nothing.
    /// </summary>
    public static bool IsSqliteMonitoringStore(string path) =>
        SqliteSchemaProbe.HasTable(path, SqliteMonitoringSchema.VersionTable);

    /// <summary>True when <paramref name="location"/> names a PostgreSQL database.</summary>
    public static bool IsPostgres(string? location) => DatabaseLocation.IsPostgres(location);

    /// <summary>
    /// The full path of the SQLite file <paramref name="location"/> names, or null for PostgreSQL.
    /// Read-only callers check the file exists first: opening a missing file would create it.
    /// </summary>
    /// <exception cref="ArgumentException">An empty location or an unsupported URI scheme.</exception>
    public static string? SqlitePath(string location) =>
        DatabaseLocation.SqlitePath(location, "monitoring store");

    /// <summary>
    /// The location as a full SQLite path, or unchanged for PostgreSQL, so a location resolved
    /// in one folder still means the same store when used from another.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed location (PostgreSQL ones are parsed too).</exception>
    public static string Normalise(string location)
    {
        if (SqlitePath(location) is { } path)
        {
            return path;
        }
        _ = NpgsqlConnectionString(location);
        return location.Trim();
    }

    /// <summary>
    /// The store's location for messages and JSON output: the SQLite file's full path, or
    /// <c>postgresql://host:port/database</c> without credentials.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed location.</exception>
    public static string Describe(string location) =>
        SqlitePath(location)
        ?? new PostgresMonitoringStore(NpgsqlConnectionString(location)).Location;

    private static string NpgsqlConnectionString(string location) =>
        DatabaseLocation.NpgsqlConnectionString(location);
}
