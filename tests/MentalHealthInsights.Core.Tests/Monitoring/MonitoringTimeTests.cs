using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Core.Tests.Monitoring;

public sealed class MonitoringTimeTests
{
    [Theory]
    [InlineData("2026-11-30T00:00:00Z", "2026-11-30T00:00:00+00:00")]
    [InlineData("2026-11-30T02:00:00+02:00", "2026-11-30T00:00:00+00:00")]
    [InlineData("2026-11-30", "2026-11-30T00:00:00+00:00")] // No offset: UTC, not local.
    public void TryParse_Iso8601_UtcWithTheOffsetApplied(string text, string expected)
    {
        Assert.True(MonitoringTime.TryParse(text, out var value));
        Assert.Equal(
            DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            value
        );
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void TryParse_NotATime_False(string? text)
    {
        Assert.False(MonitoringTime.TryParse(text, out _));
    }
}
