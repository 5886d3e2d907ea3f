using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Retraining;
using Microsoft.Extensions.Logging;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>
/// Builds the <see cref="AlertService"/> a host runs from validated settings: the log channel
/// always, the webhook when configured, the training-job retraining trigger when retraining is
/// enabled. Dispose the result to release the webhook's HTTP client.
/// </summary>
public sealed class AlertServiceFactory : IDisposable
{
    private readonly WebhookAlertNotifier? _webhook;

    /// <summary>Creates the service for <paramref name="settings"/>.</summary>
    public AlertServiceFactory(
        AlertSettings settings,
        IMonitoringStore store,
        ILoggerFactory loggerFactory,
        TimeProvider time
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        var notifiers = new List<IAlertNotifier>
        {
            new LogAlertNotifier(loggerFactory.CreateLogger<LogAlertNotifier>()),
        };
        if (settings.Webhook is { } webhook)
        {
            _webhook = new WebhookAlertNotifier(webhook, time);
            notifiers.Add(_webhook);
        }
        var retraining = settings.Retraining is { } options
            ? new TrainingJobRetrainingTrigger(options, time)
            : null;
        Service = new AlertService(settings.Policy, store, notifiers, retraining, time);
        Channels = [.. notifiers.Select(n => n.Channel)];
    }

    /// <summary>The alert service.</summary>
    public AlertService Service { get; }

    /// <summary>The channels' names, in delivery order ("log", then "webhook" when configured).</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <inheritdoc />
    public void Dispose() => _webhook?.Dispose();
}
