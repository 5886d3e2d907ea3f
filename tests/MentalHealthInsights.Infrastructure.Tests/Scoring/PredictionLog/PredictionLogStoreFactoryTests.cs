using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.PredictionLog;

/// <summary>How a prediction-log location picks its adapter (no database is opened).</summary>
public sealed class PredictionLogStoreFactoryTests
{
    [Theory]
    [InlineData(null, "predictions.db")]
    [InlineData("", "predictions.db")]
    [InlineData("sqlite:////var/lib/mhi/p.db", "/var/lib/mhi/p.db")]
    [InlineData("sqlite:///rel/p.db", "rel/p.db")]
    [InlineData("Data Source=/x/p.db;Cache=Shared", "/x/p.db")]
    [InlineData("/plain/p.db", "/plain/p.db")]
    public void SqlitePath_ConnectionStrings_PickTheFile(string? connection, string expected)
    {
        Assert.Equal(expected, PredictionLogStoreFactory.SqlitePath(connection));
    }

    [Theory]
    [InlineData("postgresql://u:pw@db.internal:5433/mhi", "postgresql://db.internal:5433/mhi")]
    [InlineData("postgres://u@db/mhi", "postgresql://db:5432/mhi")]
    [InlineData(
        "Host=db;Port=5434;Database=mhi;Username=u;Password=pw",
        "postgresql://db:5434/mhi"
    )]
    public void Create_PostgreSql_PicksThePostgresAdapterAndDescribesItWithoutCredentials(
        string connection,
        string expected
    )
    {
        var store = Assert.IsType<PostgresPredictionLogStore>(
            PredictionLogStoreFactory.Create(connection)
        );

        Assert.Null(PredictionLogStoreFactory.SqlitePath(connection));
        Assert.Equal(expected, store.Location);
        Assert.Equal(expected, PredictionLogStoreFactory.Describe(connection));
    }

    [Fact]
    public void Create_SqlitePath_PicksTheSqliteAdapter()
    {
        var store = Assert.IsType<SqlitePredictionLogStore>(
            PredictionLogStoreFactory.Create("sqlite:////tmp/never-opened/p.db")
        );

        Assert.Equal("/tmp/never-opened/p.db", store.DatabasePath);
        Assert.False(Directory.Exists("/tmp/never-opened"));
    }

    [Theory]
    [InlineData("postgresql://")]
    [InlineData("Host=db;Frobnicate=1")]
    public void Create_MalformedPostgreSql_ArgumentExceptionWithAClearMessage(string connection)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            PredictionLogStoreFactory.Create(connection)
        );

        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }
}
