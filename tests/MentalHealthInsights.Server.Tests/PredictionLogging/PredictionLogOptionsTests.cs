using MentalHealthInsights.Server.PredictionLogging;

namespace MentalHealthInsights.Server.Tests.PredictionLogging;

public sealed class PredictionLogOptionsTests
{
    private static readonly PredictionLogOptions Valid = new()
    {
        PseudonymisationKey = "test-pseudonymisation-key-0123456789",
    };

    [Fact]
    public void Defaults_AreUsableAndFlushEvery10Ms()
    {
        Assert.Null(Valid.FindProblem());
        Assert.Equal(TimeSpan.FromMilliseconds(10), Valid.FlushInterval);
        Assert.Equal(500, Valid.BatchSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void FindProblem_FlushIntervalAtTheBounds_None(int milliseconds)
    {
        var options = Valid with { FlushInterval = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Null(options.FindProblem());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void FindProblem_FlushIntervalOutOfRange_NamesTheSetting(int milliseconds)
    {
        var options = Valid with { FlushInterval = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Contains(
            "PredictionLog:FlushInterval",
            options.FindProblem(),
            StringComparison.Ordinal
        );
    }
}
