using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Core.Tests.Monitoring;

public class MonitoringWindowTests
{
    [Fact]
    public void Split_Daily_AlignsToUtcMidnightAndKeepsEmptyDays()
    {
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] times = [day.AddHours(23), day.AddHours(1), day.AddDays(2).AddHours(5)];

        var windows = MonitoringWindow.Split(times, times.Length, TimeSpan.FromDays(1));

        Assert.Equal(3, windows.Count);
        Assert.Equal(day, windows[0].Start);
        Assert.Equal([0, 1], windows[0].Rows);
        Assert.Empty(windows[1].Rows);
        Assert.Equal([2], windows[2].Rows);
        Assert.Equal(day.AddDays(3), windows[2].End);
    }

    [Fact]
    public void Split_NoTimestamps_OneWindowWithEveryRow()
    {
        var windows = MonitoringWindow.Split(null, 4, TimeSpan.FromDays(1));

        Assert.Equal([0, 1, 2, 3], windows.Single().Rows);
        Assert.Null(windows[0].Start);
    }

    [Fact]
    public void Split_EmptyLog_NoWindows()
    {
        Assert.Empty(MonitoringWindow.Split([], 0, TimeSpan.FromDays(1)));
    }
}
