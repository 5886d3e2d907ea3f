namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// Per-client-IP rate limit of the /v1 API (configuration section <c>RateLimiting</c>): a fixed
/// window of <see cref="PermitLimit"/> requests per <see cref="Window"/>; over it → 429 with
/// Retry-After. <see cref="PermitLimit"/> = 0 switches the limit off (load tests).
/// </summary>
internal sealed record RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests per window per client IP. Default 600 (60 per second on average); 0 = off.</summary>
    public int PermitLimit { get; init; } = 600;

    /// <summary>The window. Default 10 s.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    public string? FindProblem() =>
        PermitLimit < 0 ? "RateLimiting:PermitLimit must be 0 (off) or more."
        : Window <= TimeSpan.Zero ? "RateLimiting:Window must be positive."
        : null;
}
