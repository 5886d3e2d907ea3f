using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// Picks the prediction log adapter from a connection string, the way the tracking store is
/// picked from its URI: <c>sqlite:///PATH</c>, <c>Data Source=PATH</c> or a plain path → SQLite
/// (the default, <see cref="DefaultPath"/>); <c>postgres://</c> / <c>postgresql://</c> URIs or an
/// Npgsql connection string (<c>Host=…;Database=…</c>) → PostgreSQL
/// (<see cref="PostgresPredictionLogStore"/>). The same rule as the pipeline run store.
/// </summary>
public static class PredictionLogStoreFactory
{
    /// <summary>The default log file, relative to the working directory: predictions.db.</summary>
    public const string DefaultPath = "predictions.db";

    private const string SqliteScheme = "sqlite:///";

    /// <summary>Creates the store <paramref name="connectionString"/> names (null or blank = the default).</summary>
    /// <exception cref="ArgumentException">A malformed PostgreSQL URI or connection string (message fit for the user).</exception>
    public static IPredictionLogStore Create(string? connectionString) =>
        IsPostgres(connectionString)
            ? new PostgresPredictionLogStore(NpgsqlConnectionString(connectionString!))
            : new SqlitePredictionLogStore(SqlitePath(connectionString)!);

    /// <summary>True when <paramref name="connectionString"/> names a PostgreSQL database.</summary>
    public static bool IsPostgres(string? connectionString) =>
        DatabaseLocation.IsPostgres(connectionString);

    /// <summary>
    /// The SQLite file <paramref name="connectionString"/> names (null or blank = <see cref="DefaultPath"/>),
    /// or null when it names a PostgreSQL database.
    /// </summary>
    public static string? SqlitePath(string? connectionString)
    {
        var text = connectionString?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultPath;
        }
        if (IsPostgres(text))
        {
            return null;
        }
        if (text.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            return text[SqliteScheme.Length..];
        }
        const string dataSource = "Data Source=";
        if (text.StartsWith(dataSource, StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[dataSource.Length..];
            var end = rest.IndexOf(';', StringComparison.Ordinal);
            return end < 0 ? rest : rest[..end];
        }
        return text;
    }

    /// <summary>
    /// The log's location for messages and JSON output: the SQLite file's full path, or
    /// <c>postgresql://host:port/database</c> without credentials.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed PostgreSQL URI or connection string.</exception>
    public static string Describe(string? connectionString) =>
        IsPostgres(connectionString)
            ? new PostgresPredictionLogStore(NpgsqlConnectionString(connectionString!)).Location
            : Path.GetFullPath(SqlitePath(connectionString)!);

    private static string NpgsqlConnectionString(string connectionString) =>
        DatabaseLocation.NpgsqlConnectionString(connectionString);
}
