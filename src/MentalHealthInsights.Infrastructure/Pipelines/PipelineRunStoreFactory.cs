using MentalHealthInsights.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// Opens the run store named by a location: <c>sqlite:///PATH</c> or a path (SQLite, the
/// default), or a PostgreSQL connection, either as a URI (<c>postgresql://user:pass@host:port/db</c>)
/// or as an Npgsql connection string (<c>Host=…;Database=…</c>). The environment variable
/// <see cref="LocationVariable"/> gives it when no option does. Locations are read by
/// <see cref="DatabaseLocation"/>, as every other store's.
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
    /// <exception cref="ArgumentException">A malformed location (message fit for the user).</exception>
    public static SqlPipelineRunStore Create(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (DatabaseLocation.SqlitePath(location, "run store") is not { } path)
        {
            var builder = new NpgsqlConnectionStringBuilder(
                DatabaseLocation.NpgsqlConnectionString(location)
            );
            return new SqlPipelineRunStore(
                NpgsqlDataSource.Create(builder.ConnectionString),
                PipelineStoreDialect.Postgres,
                DatabaseLocation.Describe(builder)
            );
        }
        return new SqlPipelineRunStore(
            SqliteFactory.Instance.CreateDataSource(DatabaseLocation.SqliteConnectionString(path)),
            PipelineStoreDialect.Sqlite,
            "sqlite:///" + path.Replace('\\', '/')
        );
    }
}
