namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// A delivery channel for alerts (structured log, webhook, ...). Implementations report failure
/// in the result instead of throwing; <see cref="AlertService"/> also turns an unexpected
/// exception into a failed delivery, so a broken channel never loses the monitoring result.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>The channel's name, stored with each delivery ("log", "webhook").</summary>
    string Channel { get; }

    /// <summary>Announces the fired alerts of one monitoring run.</summary>
    Task<AlertDeliveryResult> NotifyAsync(
        AlertNotification notification,
        CancellationToken cancellationToken
    );
}
