using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>How every store reads its location (no database is opened).</summary>
public sealed class DatabaseLocationTests
{
    [Fact]
    public void NpgsqlConnectionString_Uri_HostPortDatabaseUserAndEscapedPassword()
    {
        var text = DatabaseLocation.NpgsqlConnectionString(
            "postgresql://mhi:p%40ss@db.internal:6543/pipelines"
        );

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("pipelines", builder.Database);
        Assert.Equal("mhi", builder.Username);
        Assert.Equal("p@ss", builder.Password);
    }

    [Theory]
    [InlineData("postgresql://")]
    [InlineData("Host=db;Frobnicate=1")]
    public void NpgsqlConnectionString_Malformed_ArgumentExceptionNamingPostgreSql(string location)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            DatabaseLocation.NpgsqlConnectionString(location)
        );

        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://h/db", true)]
    [InlineData(" postgres://h/db", true)]
    [InlineData("Host=h;Database=db", true)]
    [InlineData("sqlite:///x.db", false)]
    [InlineData("runs.db", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPostgres_RecognisesBothForms(string? location, bool expected) =>
        Assert.Equal(expected, DatabaseLocation.IsPostgres(location));

    [Fact]
    public void SqlitePath_SchemeOrPath_FullPath()
    {
        Assert.Equal("/var/lib/m.db", DatabaseLocation.SqlitePath("sqlite:////var/lib/m.db", "x"));
        Assert.Equal(
            Path.GetFullPath("rel/m.db"),
            DatabaseLocation.SqlitePath("sqlite:///rel/m.db", "x")
        );
        Assert.Equal(Path.GetFullPath("m.db"), DatabaseLocation.SqlitePath(" m.db ", "x"));
        Assert.Null(DatabaseLocation.SqlitePath("Host=h;Database=d", "x"));
    }

    [Theory]
    [InlineData("sqlite:///", "Invalid SQLite location for the job store")]
    [InlineData("   ", "The job store location is empty")]
    [InlineData("mysql://admin:hunter2@h/db", "Unsupported job store 'mysql://…'")]
    public void SqlitePath_Malformed_ClearErrorWithoutCredentials(string location, string start)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DatabaseLocation.SqlitePath(location, "job store")
        );

        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteConnectionString_MissingFolder_CreatedWithTheLockTimeout()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mhi-dbloc-" + Guid.NewGuid().ToString("N"));
        try
        {
            var text = DatabaseLocation.SqliteConnectionString(Path.Combine(folder, "a", "q.db"));

            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(text);
            Assert.True(Directory.Exists(Path.Combine(folder, "a")));
            Assert.Equal(Path.Combine(folder, "a", "q.db"), builder.DataSource);
            Assert.Equal(30, builder.DefaultTimeout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
