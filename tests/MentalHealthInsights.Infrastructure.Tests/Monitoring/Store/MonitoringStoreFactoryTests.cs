using MentalHealthInsights.Infrastructure.Monitoring.Store;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Store;

/// <summary>How a monitoring store location picks its adapter (no database is opened).</summary>
public sealed class MonitoringStoreFactoryTests
{
    [Theory]
    [InlineData("/var/lib/mhi/monitoring.db", "/var/lib/mhi/monitoring.db")]
    [InlineData("sqlite:////var/lib/mhi/m.db", "/var/lib/mhi/m.db")]
    public void Create_SqliteLocation_PicksTheSqliteAdapter(string location, string path)
    {
        var store = Assert.IsType<SqliteMonitoringStore>(MonitoringStoreFactory.Create(location));

        Assert.Equal(path, store.DatabasePath);
        Assert.Equal(path, MonitoringStoreFactory.SqlitePath(location));
        Assert.Equal(path, MonitoringStoreFactory.Describe(location));
    }

    [Fact]
    public void SqlitePath_RelativePath_IsMadeAbsolute()
    {
        Assert.Equal(
            Path.GetFullPath("monitoring.db"),
            MonitoringStoreFactory.Normalise("monitoring.db")
        );
    }

    [Theory]
    [InlineData("postgresql://u:pw@db.internal:5433/mhi", "postgresql://db.internal:5433/mhi")]
    [InlineData("postgres://u@db/mhi", "postgresql://db:5432/mhi")]
    [InlineData(
        "Host=db;Port=5434;Database=mhi;Username=u;Password=pw",
        "postgresql://db:5434/mhi"
    )]
    public void Create_PostgreSql_PicksThePostgresAdapterAndDescribesItWithoutCredentials(
        string location,
        string expected
    )
    {
        var store = Assert.IsType<PostgresMonitoringStore>(MonitoringStoreFactory.Create(location));

        Assert.Null(MonitoringStoreFactory.SqlitePath(location));
        Assert.Equal(location, MonitoringStoreFactory.Normalise(location));
        Assert.Equal(expected, store.Location);
        Assert.Equal(expected, MonitoringStoreFactory.Describe(location));
    }

    [Theory]
    [InlineData("postgresql://")]
    [InlineData("Host=db;Frobnicate=1")]
    [InlineData("mysql://db/mhi")]
    [InlineData("sqlite:///")]
    public void Create_MalformedLocation_ArgumentException(string location)
    {
        Assert.ThrowsAny<ArgumentException>(() => MonitoringStoreFactory.Create(location));
    }
}
