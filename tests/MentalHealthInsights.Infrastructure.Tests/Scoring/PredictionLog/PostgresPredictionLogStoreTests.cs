using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using Npgsql;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.PredictionLog;

/// <summary>The prediction log contract on a real PostgreSQL server started for this class.</summary>
public sealed class PostgresPredictionLogStoreTests(PostgresServer server)
    : PredictionLogStoreContract,
        IClassFixture<PostgresServer>
{
    private string _connectionString = "";

    protected override async Task<IPredictionLogStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return PredictionLogStoreFactory.Create(_connectionString);
    }

    protected override IPredictionLogStore OpenSameLog() =>
        PredictionLogStoreFactory.Create(_connectionString);

    [Fact]
    public async Task Create_PostgresUri_OpensThePostgresAdapterWhichCreatesItsTableOnFirstUse()
    {
        _ = await CreateStoreAsync();
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        var uri =
            $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

        var store = Assert.IsType<PostgresPredictionLogStore>(
            PredictionLogStoreFactory.Create(uri)
        );
        await store.AppendAsync([Entry(T0, "a")], CancellationToken.None);

        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(
            $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}",
            store.Location
        );
    }

    [Fact]
    public async Task Append_ServerUnreachable_FailsWithAnIOExceptionWithoutThePassword()
    {
        var store = new PostgresPredictionLogStore(
            "Host=127.0.0.1;Port=1;Username=u;Password=secret-pw;Database=nowhere;Timeout=2"
        );

        var error = await Assert.ThrowsAsync<IOException>(() =>
            store.AppendAsync([Entry(T0, "a")], CancellationToken.None)
        );

        Assert.Contains(
            "postgresql://127.0.0.1:1/nowhere",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }
}
