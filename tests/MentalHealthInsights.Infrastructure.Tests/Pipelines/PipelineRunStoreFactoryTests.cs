using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines;

public sealed class PipelineRunStoreFactoryTests
{
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
