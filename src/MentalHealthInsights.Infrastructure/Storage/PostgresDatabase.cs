using Npgsql;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// What the PostgreSQL stores (prediction log, monitoring) share: the connection string, the
/// location for messages (never the password), connections from Npgsql's pool that are disposed
/// when opening fails, and a schema created once per process — a failed attempt (server down at
/// start-up) is retried on the next call.
/// </summary>
internal sealed class PostgresDatabase
{
    private readonly Func<NpgsqlConnection, Task> _createSchema;

    // The schema, created once per instance; a failed attempt is retried by the next call.
    private readonly RetriedUntilDone _schema;

    /// <summary>A database named by <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="createSchema">Creates the tables on an open connection (idempotent; runs once per process unless it fails).</param>
    public PostgresDatabase(string connectionString, Func<NpgsqlConnection, Task> createSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(createSchema);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        ConnectionString = builder.ConnectionString;
        Location = DatabaseLocation.Describe(builder);
        _createSchema = createSchema;
        _schema = new RetriedUntilDone(CreateSchemaAsync);
    }

    /// <summary>The normalised connection string.</summary>
    public string ConnectionString { get; }

    /// <summary><c>postgresql://host:port/database</c>, for messages.</summary>
    public string Location { get; }

    /// <summary>An open connection, after the schema exists.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.RunAsync().WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await _createSchema(connection);
    }

    private async Task<NpgsqlConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
