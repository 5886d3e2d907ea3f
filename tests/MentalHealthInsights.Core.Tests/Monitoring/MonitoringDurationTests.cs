using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Core.Tests.Monitoring;

public sealed class MonitoringDurationTests
{
    [Theory]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("24h", 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("36500d", 36_500L * 24 * 60)]
    [InlineData("876000h", 876_000L * 60)]
    [InlineData("52560000m", 52_560_000L)]
    public void TryParse_WithinTheLongest_Minutes(string text, long minutes)
    {
        Assert.True(MonitoringDuration.TryParse(text, out var value, out var error));
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("36501d")]
    [InlineData("876001h")]
    [InlineData("52560001m")]
    [InlineData("99999999d")] // beyond TimeSpan itself
    [InlineData("9223372036854775807m")]
    public void TryParse_LongerThan100Years_FalseSayingTheLongest(string text)
    {
        Assert.False(MonitoringDuration.TryParse(text, out _, out var error));
        Assert.Equal("must be at most 36500d (100 years)", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("7w")]
    [InlineData("99999999999999999999d")]
    public void TryParse_NotTheForm_FalseShowingTheForm(string? text)
    {
        Assert.False(MonitoringDuration.TryParse(text, out _, out var error));
        Assert.Equal("must look like 7d, 24h or 90m", error);
    }

    [Fact]
    public void TryStartBefore_ReachingBeforeTheEarliestTime_False()
    {
        var end = new DateTimeOffset(50, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(MonitoringDuration.TryStartBefore(end, TimeSpan.FromDays(36_500), out _));
        Assert.True(MonitoringDuration.TryStartBefore(end, TimeSpan.FromDays(7), out var start));
        Assert.Equal(end.AddDays(-7), start);
    }
}
