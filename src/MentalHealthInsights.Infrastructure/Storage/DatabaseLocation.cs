using Microsoft.Data.Sqlite;
using Npgsql;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// The one reading of a database location shared by the run store, the Quartz job store, the
/// monitoring store, the prediction log and the dashboard: <c>sqlite:///PATH</c> or a plain path
/// is a SQLite file; a <c>postgres://</c> / <c>postgresql://</c> URI or an Npgsql connection
/// string (<c>Host=…;Database=…</c>) is a PostgreSQL database; any other <c>scheme://</c> is
/// refused. Malformed locations throw <see cref="ArgumentException"/> with a message fit for the
/// user that never contains a password.
/// </summary>
public static class DatabaseLocation
{
    /// <summary>The SQLite scheme prefix: <c>sqlite:///</c> (then a relative path, or <c>/</c> and an absolute one).</summary>
    public const string SqliteScheme = "sqlite:///";

    /// <summary>True when <paramref name="location"/> (trimmed) names a PostgreSQL database; false for null or blank.</summary>
    public static bool IsPostgres(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return false;
        }
        var text = location.Trim();
        return text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The full path of the SQLite file <paramref name="location"/> names, or null when it names
    /// a PostgreSQL database. Nothing is created: read-only callers check the file exists first.
    /// </summary>
    /// <param name="location">The location.</param>
    /// <param name="what">What the location is for, in messages (e.g. "run store").</param>
    /// <exception cref="ArgumentException">A blank location, an empty SQLite path or an unsupported scheme.</exception>
    public static string? SqlitePath(string location, string what)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException($"The {what} location is empty.");
        }
        if (IsPostgres(text))
        {
            return null;
        }
        if (text.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[SqliteScheme.Length..];
            if (text.Length == 0)
            {
                throw new ArgumentException(
                    $"Invalid SQLite location for the {what}: expected sqlite:///relative.db or sqlite:////absolute.db."
                );
            }
        }
        else if (text.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Unsupported {what} '{Scheme(text)}': use a path, sqlite:///PATH, or postgresql://user:password@host:port/database."
            );
        }
        return Path.GetFullPath(text);
    }

    /// <summary>
    /// A SQLite connection string for the file at <paramref name="path"/> (read-write, created on
    /// first use, its folder created now), waiting up to 30 s for a lock held by another process.
    /// </summary>
    public static string SqliteConnectionString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        return SqlitePools.ConnectionString(
            new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                // Microsoft.Data.Sqlite retries a locked database until the command timeout.
                DefaultTimeout = 30,
            }
        );
    }

    /// <summary>
    /// The Npgsql connection string of a PostgreSQL URI (user, password, host, port, database;
    /// port 5432 by default) or of a connection string, checked by Npgsql's parser.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed URI or connection string.</exception>
    public static string NpgsqlConnectionString(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var text = location.Trim();
        if (!text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            text = FromUri(text);
        }
        try
        {
            return new NpgsqlConnectionStringBuilder(text).ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException(
                "Invalid PostgreSQL connection string: expected Host=…;Database=… or postgresql://user:password@host:port/database.",
                e
            );
        }
    }

    /// <summary>
    /// Checks <paramref name="location"/> the way opening it would (without opening it).
    /// </summary>
    /// <exception cref="ArgumentException">A malformed location.</exception>
    public static void Validate(string location, string what)
    {
        if (SqlitePath(location, what) is null)
        {
            _ = NpgsqlConnectionString(location);
        }
    }

    /// <summary><c>postgresql://host:port/database</c> for messages: no user, no password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException(
                "Invalid PostgreSQL URI: expected postgresql://user:password@host:port/database."
            );
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        return builder.ConnectionString;
    }

    // An unsupported URI may carry credentials (mysql://user:pw@host): only its scheme is echoed.
    private static string Scheme(string text) =>
        text[..(text.IndexOf("://", StringComparison.Ordinal) + 3)] + "…";
}
