using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Core.Tests.Monitoring;

public sealed class MonitoringTimeTests
{
    [Theory]
    [InlineData("2026-11-30T00:00:00Z", "2026-11-30T00:00:00+00:00")]
    [InlineData("2026-11-30T02:00:00+02:00", "2026-11-30T00:00:00+00:00")]
    [InlineData("2026-11-30", "2026-11-30T00:00:00+00:00")] // No offset: UTC, not local.
    [InlineData("2026-11-30T01:02", "2026-11-30T01:02:00+00:00")]
    [InlineData("2026-11-30T01:02:03", "2026-11-30T01:02:03+00:00")]
    [InlineData("2026-11-30 01:02:03-01:00", "2026-11-30T02:02:03+00:00")]
    [InlineData("2026-11-30T01:02:03.1234567Z", "2026-11-30T01:02:03.1234567+00:00")]
    [InlineData("2026-11-30T01:02:03.5+00:00", "2026-11-30T01:02:03.5+00:00")]
    [InlineData(" 2026-11-30T00:00:00Z ", "2026-11-30T00:00:00+00:00")]
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
    [InlineData("1/2/2026")] // The lenient parse took these (culture and clock dependent).
    [InlineData("Mon, 05 Jan 2026 12:00:00 GMT")]
    [InlineData("12:00")]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-30T25:00:00Z")]
    [InlineData("2026-11-30T01:02:03.12345678Z")]
    public void TryParse_NotATime_False(string? text)
    {
        Assert.False(MonitoringTime.TryParse(text, out _));
    }
}
