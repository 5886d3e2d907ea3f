using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Pipelines;
using Npgsql;

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
    private const string SqliteScheme = "sqlite:///";

    /// <summary>Creates the store <paramref name="location"/> names; nothing is opened until first use.</summary>
    /// <exception cref="ArgumentException">A malformed location (message fit for the user).</exception>
    public static IMonitoringStore Create(string location) =>
        IsPostgres(location)
            ? new PostgresMonitoringStore(NpgsqlConnectionString(location))
            : new SqliteMonitoringStore(
                new SqliteMonitoringStoreOptions { DatabasePath = SqlitePath(location)! }
            );

    /// <summary>True when <paramref name="location"/> names a PostgreSQL database.</summary>
    public static bool IsPostgres(string? location) =>
        !string.IsNullOrWhiteSpace(location) && PipelineRunStoreFactory.IsPostgres(location.Trim());

    /// <summary>
    /// The full path of the SQLite file <paramref name="location"/> names, or null for PostgreSQL.
    /// Read-only callers check the file exists first: opening a missing file would create it.
    /// </summary>
    /// <exception cref="ArgumentException">An empty location or an unsupported URI scheme.</exception>
    public static string? SqlitePath(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var text = location.Trim();
        if (IsPostgres(text))
        {
            return null;
        }
        if (text.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[SqliteScheme.Length..];
        }
        else if (text.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Unsupported monitoring store '{text}': use a path, sqlite:///PATH, or postgresql://user:password@host:port/database.",
                nameof(location)
            );
        }
        if (text.Length == 0)
        {
            throw new ArgumentException(
                "Invalid SQLite location: expected sqlite:///relative.db or sqlite:////absolute.db.",
                nameof(location)
            );
        }
        return Path.GetFullPath(text);
    }

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

    private static string NpgsqlConnectionString(string location)
    {
        var text = PipelineRunStoreFactory.ToNpgsqlConnectionString(location.Trim());
        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
            return text;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException(
                "Invalid PostgreSQL connection string: expected Host=…;Database=… or postgresql://user:password@host:port/database.",
                e
            );
        }
    }
}
