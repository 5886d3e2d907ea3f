namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>The body a webhook receives.</summary>
public enum WebhookPayloadFormat
{
    /// <summary>The documented JSON document (schema "mhi.alerts/v1").</summary>
    Json,

    /// <summary>A Slack incoming-webhook message: <c>{"text": ...}</c> with mrkdwn lines.</summary>
    Slack,
}
