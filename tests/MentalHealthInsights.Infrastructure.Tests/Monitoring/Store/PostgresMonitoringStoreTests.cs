using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Store;

/// <summary>The monitoring store contract on a real PostgreSQL server started for this class.</summary>
public sealed class PostgresMonitoringStoreTests(PostgresServer server)
    : MonitoringStoreContract,
        IClassFixture<PostgresServer>
{
    private string _connectionString = "";

    protected override async Task<IMonitoringStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return MonitoringStoreFactory.Create(_connectionString);
    }

    protected override IMonitoringStore OpenSameStore() =>
        MonitoringStoreFactory.Create(_connectionString);

    [Fact]
    public async Task Store_ServerUnreachable_FailsWithAnIOExceptionWithoutThePassword()
    {
        var store = MonitoringStoreFactory.Create("postgresql://u:secret-pw@127.0.0.1:1/nowhere");

        var error = await Assert.ThrowsAsync<IOException>(() =>
            store.SaveSnapshotAsync(MonitoringTestData.Day(1), CancellationToken.None)
        );

        Assert.Contains(
            "postgresql://127.0.0.1:1/nowhere",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }
}
