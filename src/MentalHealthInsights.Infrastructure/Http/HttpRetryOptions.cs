namespace MentalHealthInsights.Infrastructure.Http;

/// <summary>
/// How <see cref="HttpRetryHandler"/> retries: on a timed-out attempt, a connection failure,
/// HTTP 429 and HTTP 5xx; never on other 4xx answers.
/// </summary>
public sealed record HttpRetryOptions
{
    /// <summary>Attempts in total, the first included (default 5; 1 disables retries).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff; attempt n waits about <c>BaseDelay × 2^(n−1)</c> (default 500 ms).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff, and the cap on a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time one attempt may take before it counts as timed out and is retried (default 60 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seed of the jitter (default 17), so a run's retry timing is reproducible.</summary>
    public int JitterSeed { get; init; } = 17;
}
