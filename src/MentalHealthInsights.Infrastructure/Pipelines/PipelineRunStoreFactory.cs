using Microsoft.Data.Sqlite;
using Npgsql;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// Opens the run store named by a location: <c>sqlite:///PATH</c> or a path (SQLite, the
/// default), or a PostgreSQL connection, either as a URI (<c>postgresql://user:pass@host:port/db</c>)
/// or as an Npgsql connection string (<c>Host=…;Database=…</c>). The environment variable
/// <see cref="LocationVariable"/> gives it when no option does.
/// </summary>
public static class PipelineRunStoreFactory
{
    /// <summary>The environment variable naming the run store: <c>MHI_PIPELINE_STORE</c>.</summary>
    public const string LocationVariable = "MHI_PIPELINE_STORE";

    /// <summary>The default location: <c>pipelines.db</c> in the working folder.</summary>
    public const string DefaultLocation = "sqlite:///pipelines.db";

    /// <summary>
    /// Opens (and initialises) the store at <paramref name="location"/>. A malformed location
    /// throws <see cref="ArgumentException"/> with a message fit for the user.
    /// </summary>
    public static async Task<SqlPipelineRunStore> OpenAsync(
        string location,
        CancellationToken cancellationToken
    )
    {
        var store = Create(location);
        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The store at <paramref name="location"/>, not yet initialised.</summary>
    public static SqlPipelineRunStore Create(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (IsPostgres(location))
        {
            var connectionString = ToNpgsqlConnectionString(location);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return new SqlPipelineRunStore(
                NpgsqlDataSource.Create(connectionString),
                PipelineStoreDialect.Postgres,
                $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}"
            );
        }
        var path = SqlitePath(location);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Microsoft.Data.Sqlite retries a locked database until the command timeout.
            DefaultTimeout = 30,
        }.ToString();
        return new SqlPipelineRunStore(
            SqliteFactory.Instance.CreateDataSource(sqlite),
            PipelineStoreDialect.Sqlite,
            "sqlite:///" + path.Replace('\\', '/')
        );
    }

    /// <summary>True when <paramref name="location"/> names a PostgreSQL database.</summary>
    public static bool IsPostgres(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An Npgsql connection string from a URI or a connection string.</summary>
    public static string ToNpgsqlConnectionString(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return location;
        }
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException(
                "Invalid PostgreSQL URI: expected postgresql://user:password@host:port/database.",
                nameof(location)
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

    private static string SqlitePath(string location)
    {
        const string prefix = "sqlite:///";
        if (location.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = location[prefix.Length..];
            if (rest.Length == 0)
            {
                throw new ArgumentException(
                    $"Invalid SQLite location '{location}': expected sqlite:///relative.db or sqlite:////absolute.db.",
                    nameof(location)
                );
            }
            return Path.GetFullPath(rest);
        }
        if (location.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Unsupported run store '{location}': use sqlite:///PATH, a path, or postgresql://user:password@host:port/database.",
                nameof(location)
            );
        }
        return Path.GetFullPath(location);
    }
}
