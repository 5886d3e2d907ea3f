using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines;

public sealed class PipelineRunStoreFactoryTests
{
    [Fact]
    public void ToNpgsqlConnectionString_Uri_HostPortDatabaseUserAndEscapedPassword()
    {
        var text = PipelineRunStoreFactory.ToNpgsqlConnectionString(
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
    [InlineData("postgresql://h/db", true)]
    [InlineData("Host=h;Database=db", true)]
    [InlineData("sqlite:///x.db", false)]
    [InlineData("runs.db", false)]
    public void IsPostgres_RecognisesBothForms(string location, bool expected) =>
        Assert.Equal(expected, PipelineRunStoreFactory.IsPostgres(location));

    [Fact]
    public void Create_UnknownScheme_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            PipelineRunStoreFactory.Create("mysql://h/db")
        );

        Assert.StartsWith("Unsupported run store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PostgresUri_LocationHidesThePassword()
    {
        await using var store = PipelineRunStoreFactory.Create("postgresql://u:secret@h:1/db");

        Assert.Equal("postgresql://h:1/db", store.Location);
    }
}
