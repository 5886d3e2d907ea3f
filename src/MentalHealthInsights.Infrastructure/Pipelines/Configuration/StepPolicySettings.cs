using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Configuration;

/// <summary>One step policy in the settings file; unset values keep <see cref="StepPolicy.Default"/>'s.</summary>
public sealed record StepPolicySettings
{
    /// <summary>Attempts in total.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Wait after the first failure, in seconds.</summary>
    public double? InitialDelaySeconds { get; set; }

    /// <summary>Growth of the wait per failure.</summary>
    public double? BackoffMultiplier { get; set; }

    /// <summary>Cap on one wait, in seconds.</summary>
    public double? MaxDelaySeconds { get; set; }

    /// <summary>Relative jitter in [0, 1).</summary>
    public double? Jitter { get; set; }

    /// <summary>Limit on one attempt, in minutes; 0 for none.</summary>
    public double? TimeoutMinutes { get; set; }

    /// <summary>The policy these settings describe.</summary>
    public StepPolicy ToPolicy()
    {
        var d = StepPolicy.Default;
        return new StepPolicy
        {
            MaxAttempts = MaxAttempts ?? d.MaxAttempts,
            InitialDelay = InitialDelaySeconds is { } i ? TimeSpan.FromSeconds(i) : d.InitialDelay,
            BackoffMultiplier = BackoffMultiplier ?? d.BackoffMultiplier,
            MaxDelay = MaxDelaySeconds is { } m ? TimeSpan.FromSeconds(m) : d.MaxDelay,
            Jitter = Jitter ?? d.Jitter,
            Timeout = TimeoutMinutes switch
            {
                null => d.Timeout,
                0 => Timeout.InfiniteTimeSpan,
                { } t => TimeSpan.FromMinutes(t),
            },
        };
    }
}
