using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// Picks the prediction log adapter from a connection string, the way the tracking store is
/// picked from its URI: <c>sqlite:///PATH</c>, <c>Data Source=PATH</c> or a plain path → SQLite
/// (the default, <see cref="DefaultPath"/>); <c>postgres://</c>, <c>postgresql://</c> or
/// <c>Host=…</c> → PostgreSQL, which is not built yet and is refused with a clear message.
/// </summary>
public static class PredictionLogStoreFactory
{
    /// <summary>The default log file, relative to the working directory: predictions.db.</summary>
    public const string DefaultPath = "predictions.db";

    private const string SqliteScheme = "sqlite:///";

    /// <summary>Creates the store <paramref name="connectionString"/> names (null or blank = the default).</summary>
    /// <exception cref="NotSupportedException">A PostgreSQL connection string (adapter not built).</exception>
    public static IPredictionLogStore Create(string? connectionString) =>
        new SqlitePredictionLogStore(SqlitePath(connectionString));

    /// <summary>
    /// The SQLite file <paramref name="connectionString"/> names; throws for PostgreSQL
    /// connection strings so a misconfigured server fails at start-up, not on the first write.
    /// </summary>
    /// <exception cref="NotSupportedException">A PostgreSQL connection string (adapter not built).</exception>
    public static string SqlitePath(string? connectionString)
    {
        var text = connectionString?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultPath;
        }
        if (
            text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        )
        {
            throw new NotSupportedException(
                "The PostgreSQL prediction log adapter is not available yet; use a SQLite path "
                    + "(sqlite:///PATH or PATH)."
            );
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
}
