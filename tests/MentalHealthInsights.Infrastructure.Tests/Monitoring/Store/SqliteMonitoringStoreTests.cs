using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Tests.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Store;

/// <summary>The monitoring store contract on a real SQLite file (the default adapter).</summary>
public sealed class SqliteMonitoringStoreTests : MonitoringStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private int _stores;

    private string DatabasePath =>
        _folder.Combine(
            "sub",
            "monitoring"
                + _stores.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ".db"
        );

    public void Dispose() => _folder.Dispose();

    protected override Task<IMonitoringStore> CreateStoreAsync()
    {
        _stores++;
        return Task.FromResult<IMonitoringStore>(
            new SqliteMonitoringStore(
                new SqliteMonitoringStoreOptions { DatabasePath = DatabasePath }
            )
        );
    }

    protected override IMonitoringStore OpenSameStore() =>
        MonitoringStoreFactory.Create("sqlite:///" + DatabasePath);

    [Fact]
    public async Task SaveSnapshotAsync_FirstUse_CreatesTheFileAndItsFolder()
    {
        var store = await CreateStoreAsync();

        await store.SaveSnapshotAsync(MonitoringTestData.Day(1), CancellationToken.None);

        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Store_NotADatabase_FailsWithAnIOExceptionNamingTheFile()
    {
        var path = _folder.Combine("junk.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        var store = new SqliteMonitoringStore(
            new SqliteMonitoringStoreOptions { DatabasePath = path }
        );

        var error = await Assert.ThrowsAsync<IOException>(() =>
            store.SaveSnapshotAsync(MonitoringTestData.Day(1), CancellationToken.None)
        );

        Assert.Contains("junk.db", error.Message, StringComparison.Ordinal);
    }
}
