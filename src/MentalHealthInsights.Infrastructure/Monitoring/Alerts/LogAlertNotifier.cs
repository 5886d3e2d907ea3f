using MentalHealthInsights.Core.Monitoring.Alerts;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>
/// The channel that always exists: one structured log line per fired alert (event id 6001,
/// level Warning for info/warning alerts, Error for critical ones): "in window START to END", or
/// "at T" when the window is one instant (a CSV's run). Only aggregate metrics and names are
/// logged, never record values.
/// </summary>
/// <param name="logger">Where the lines go.</param>
public sealed partial class LogAlertNotifier(ILogger<LogAlertNotifier> logger) : IAlertNotifier
{
    /// <summary>"log".</summary>
    public string Channel => "log";

    /// <inheritdoc />
    public Task<AlertDeliveryResult> NotifyAsync(
        AlertNotification notification,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var alert in notification.Alerts)
        {
            var level =
                alert.Severity == AlertSeverity.Critical ? LogLevel.Error : LogLevel.Warning;
            // A CSV's run has no period: its window is one instant (start = end), said "at T".
            if (alert.WindowStart == alert.WindowEnd)
            {
                AlertFiredAt(
                    logger,
                    level,
                    alert.AlertId,
                    alert.RuleName,
                    alert.Severity,
                    alert.Metric,
                    alert.Value,
                    alert.Condition,
                    alert.WindowStart,
                    alert.MonitoringRunId,
                    alert.Reason
                );
                continue;
            }
            AlertFired(
                logger,
                level,
                alert.AlertId,
                alert.RuleName,
                alert.Severity,
                alert.Metric,
                alert.Value,
                alert.Condition,
                alert.WindowStart,
                alert.WindowEnd,
                alert.MonitoringRunId,
                alert.Reason
            );
        }
        return Task.FromResult(new AlertDeliveryResult(Channel, true, 1, null));
    }

    [LoggerMessage(
        EventId = 6001,
        Message = "Alert {AlertId}: rule {Rule} ({Severity}) breached: {Metric} = {Value} ({Condition}) in window {WindowStart:O} to {WindowEnd:O}, monitoring run {MonitoringRunId}; {Reason}"
    )]
    private static partial void AlertFired(
        ILogger logger,
        LogLevel level,
        string alertId,
        string rule,
        AlertSeverity severity,
        string metric,
        double value,
        string condition,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        string monitoringRunId,
        string reason
    );

    // The same event (id 6001) for a window that is one instant: both lines are one kind of
    // event to whoever filters the log by id, so the id is shared on purpose.
#pragma warning disable SYSLIB1006
    [LoggerMessage(
        EventId = 6001,
        Message = "Alert {AlertId}: rule {Rule} ({Severity}) breached: {Metric} = {Value} ({Condition}) at {WindowStart:O}, monitoring run {MonitoringRunId}; {Reason}"
    )]
#pragma warning restore SYSLIB1006
    private static partial void AlertFiredAt(
        ILogger logger,
        LogLevel level,
        string alertId,
        string rule,
        AlertSeverity severity,
        string metric,
        double value,
        string condition,
        DateTimeOffset windowStart,
        string monitoringRunId,
        string reason
    );
}
