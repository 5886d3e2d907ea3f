using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Alerts;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Alerts;

/// <summary>The log channel's line: a period reads "in window A to B", a single instant "at T".</summary>
public sealed class LogAlertNotifierTests
{
    private static AlertNotification Notification(DateTimeOffset start, DateTimeOffset end)
    {
        var snapshot = MonitoringTestData.Day(3, f1Drop: 0.083);
        var alert = new AlertRecord(
            "run-003/f1-drop",
            snapshot.RunId,
            "f1-drop",
            "f1_drop > 0.05",
            "f1_drop",
            0.083,
            0.05,
            AlertSeverity.Critical,
            AlertStatus.Fired,
            "new breach",
            start,
            end,
            end,
            snapshot.CreatedAt
        );
        return new AlertNotification(snapshot, [alert]);
    }

    [Fact]
    public async Task NotifyAsync_OneInstant_SaysAtTheTimeNotAWindowFromItToItself()
    {
        var logger = new RecordingLogger<LogAlertNotifier>();
        var at = new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);

        await new LogAlertNotifier(logger).NotifyAsync(
            Notification(at, at),
            CancellationToken.None
        );

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(6001, entry.Id.Id);
        Assert.Contains("(f1_drop > 0.05) at 2026-12-01T23:00:00.0000000+00:00,", entry.Message);
        Assert.DoesNotContain("in window", entry.Message, StringComparison.Ordinal);
        Assert.Contains(
            entry.State,
            p => p.Key == "WindowStart" && p.Value is DateTimeOffset t && t == at
        );
    }

    [Fact]
    public async Task NotifyAsync_APeriod_SaysItsWindow()
    {
        var logger = new RecordingLogger<LogAlertNotifier>();
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        await new LogAlertNotifier(logger).NotifyAsync(
            Notification(start, start.AddDays(1)),
            CancellationToken.None
        );

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(6001, entry.Id.Id);
        Assert.Contains(
            "in window 2026-12-01T00:00:00.0000000+00:00 to 2026-12-02T00:00:00.0000000+00:00,",
            entry.Message
        );
    }
}
