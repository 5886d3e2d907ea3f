using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Monitoring.Retraining;

namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>The validated "Alerts" configuration section (see <see cref="AlertSettingsLoader"/>).</summary>
/// <param name="Policy">Rules, cool-down and the retraining switch.</param>
/// <param name="Webhook">The webhook channel; null when not configured (the log line is always written).</param>
/// <param name="Retraining">How to retrain; null unless the policy retrains on alerts.</param>
public sealed record AlertSettings(
    AlertPolicy Policy,
    WebhookOptions? Webhook,
    TrainingJobRetrainingOptions? Retraining
)
{
    /// <summary>The defaults: <see cref="AlertPolicy.Default"/>, no webhook, no retraining.</summary>
    public static AlertSettings Default { get; } = new(AlertPolicy.Default, null, null);
}
