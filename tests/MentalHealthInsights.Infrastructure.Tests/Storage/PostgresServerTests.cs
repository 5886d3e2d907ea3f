using Npgsql;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>
/// The throw-away PostgreSQL server of the tests (tests/Shared) stops without touching other
/// tests' connections: it used to call <c>NpgsqlConnection.ClearAllPools</c>, which closed every
/// idle pooled connection of the process, to every server, while other test classes ran.
/// </summary>
public sealed class PostgresServerTests(PostgresServer kept) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task DisposeAsync_AnotherServer_LeavesThisServersPooledConnectionOpen()
    {
        var connectionString = await kept.CreateDatabaseAsync();
        var before = await BackendPidAsync(connectionString);
        var other = new PostgresServer();
        await other.InitializeAsync();
        var otherDatabase = await other.CreateDatabaseAsync();
        await BackendPidAsync(otherDatabase);

        await other.DisposeAsync();

        // The same server process still serves the idle pooled connection: it was not closed.
        Assert.Equal(before, await BackendPidAsync(connectionString));
    }

    // The server process of a pooled connection, which goes back to the pool idle.
    private static async Task<int> BackendPidAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
