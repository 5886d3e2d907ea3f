namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// How one step is retried and bounded. Attempt n (from 1) that fails waits
/// <c>min(MaxDelay, InitialDelay × BackoffMultiplier^(n−1))</c>, scaled by a seeded jitter factor
/// uniform in [1 − Jitter, 1 + Jitter], before attempt n + 1.
/// </summary>
public sealed record StepPolicy
{
    /// <summary>The defaults: 3 attempts, 5 s initial delay doubling up to 5 min, ±20 % jitter, 2 h timeout.</summary>
    public static StepPolicy Default { get; } = new();

    /// <summary>Attempts in total (1 = no retry). Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait after the first failed attempt. Default 5 s.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Growth of the wait per further failure. Default 2.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>Cap on one wait (before jitter). Default 5 min.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Relative jitter in [0, 1). Default 0.2 (±20 %): spreads retries of many workers.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>Limit on one attempt; <see cref="Timeout.InfiniteTimeSpan"/> for none. Default 2 h.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based) for a uniform draw <paramref name="unit"/> in [0, 1).</summary>
    public TimeSpan BackoffDelay(int attempt, double unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var baseMs = Math.Min(
            MaxDelay.TotalMilliseconds,
            InitialDelay.TotalMilliseconds * Math.Pow(BackoffMultiplier, attempt - 1)
        );
        var factor = 1 + (Jitter * ((2 * unit) - 1));
        return TimeSpan.FromMilliseconds(Math.Max(0, baseMs * factor));
    }

    /// <summary>Problems with the values (empty when usable), for validation at start-up.</summary>
    public IReadOnlyList<string> FindProblems(string stepName)
    {
        var problems = new List<string>();
        if (MaxAttempts < 1)
        {
            problems.Add($"{stepName}: maxAttempts must be at least 1.");
        }
        if (InitialDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero)
        {
            problems.Add($"{stepName}: delays must not be negative.");
        }
        if (BackoffMultiplier < 1)
        {
            problems.Add($"{stepName}: backoffMultiplier must be at least 1.");
        }
        if (Jitter is < 0 or >= 1)
        {
            problems.Add($"{stepName}: jitter must be in [0, 1).");
        }
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{stepName}: timeout must be positive.");
        }
        return problems;
    }
}
