using MentalHealthInsights.Core.Monitoring.Alerts;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>
/// The channel that always exists: one structured log line per fired alert (event id 6001,
/// level Warning for info/warning alerts, Error for critical ones). Only aggregate metrics and
/// names are logged, never record values.
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
}
