namespace MentalHealthInsights.Infrastructure.Monitoring.Alerts;

/// <summary>The optional webhook channel (the "Webhook" object of the "Alerts" section).</summary>
public sealed record WebhookOptions
{
    /// <summary>An absolute http(s) URL. Required. It is a secret for Slack: it is never logged.</summary>
    public required Uri Url { get; init; }

    /// <summary>The body's format. Default <see cref="WebhookPayloadFormat.Json"/>.</summary>
    public WebhookPayloadFormat Format { get; init; } = WebhookPayloadFormat.Json;

    /// <summary>Attempts in total, 1–10 (1: no retry). Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff; attempt n waits about BaseDelay × 2^(n−1), half of it random. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff, and the cap on a server's Retry-After. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as timed out and is retried. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed of the jitter, so retry timing is reproducible. Default 17.</summary>
    public int JitterSeed { get; init; } = 17;

    /// <summary>Every problem, as sentences naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (
            Url is null
            || !Url.IsAbsoluteUri
            || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps)
        )
        {
            problems.Add("Webhook.Url must be an absolute http:// or https:// URL.");
        }
        if (!Enum.IsDefined(Format))
        {
            problems.Add("Webhook.Format must be json or slack.");
        }
        if (MaxAttempts is < 1 or > 10)
        {
            problems.Add("Webhook.MaxAttempts must be between 1 and 10.");
        }
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            problems.Add("Webhook delays must satisfy 0 <= BaseDelay <= MaxDelay.");
        }
        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Webhook.TimeoutSeconds must be above 0 and at most 300.");
        }
        return problems;
    }
}
