using System.Globalization;
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

    /// <summary>Largest <see cref="MaxAttempts"/>: 100.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>Largest <see cref="InitialDelaySeconds"/> and <see cref="MaxDelaySeconds"/>: 86,400 (one day).</summary>
    public const double MaxDelayLimitSeconds = 86_400;

    /// <summary>Largest <see cref="BackoffMultiplier"/>: 100.</summary>
    public const double MaxBackoffMultiplier = 100;

    /// <summary>Largest <see cref="TimeoutMinutes"/>: 10,080 (one week).</summary>
    public const double MaxTimeoutMinutes = 10_080;

    /// <summary>
    /// Values outside their documented ranges, each naming the setting as
    /// <c>steps["KEY"].NAME</c>. Checked before <see cref="ToPolicy"/>, which cannot represent
    /// some of them (a delay of 1e15 seconds overflows <see cref="TimeSpan"/>).
    /// </summary>
    public IReadOnlyList<string> FindProblems(string key)
    {
        var problems = new List<string>();
        var where = $"steps[\"{key}\"]";
        if (MaxAttempts is { } attempts && attempts is < 1 or > MaxAttemptsLimit)
        {
            problems.Add(
                Problem(where, "maxAttempts", attempts, $"an integer from 1 to {MaxAttemptsLimit}")
            );
        }
        Check(
            InitialDelaySeconds,
            "initialDelaySeconds",
            0,
            MaxDelayLimitSeconds,
            "seconds (one day)"
        );
        Check(MaxDelaySeconds, "maxDelaySeconds", 0, MaxDelayLimitSeconds, "seconds (one day)");
        Check(BackoffMultiplier, "backoffMultiplier", 1, MaxBackoffMultiplier, "");
        if (Jitter is { } jitter && !(jitter >= 0 && jitter < 1))
        {
            problems.Add(Problem(where, "jitter", jitter, "a number in [0, 1)"));
        }
        Check(
            TimeoutMinutes,
            "timeoutMinutes",
            0,
            MaxTimeoutMinutes,
            "minutes (one week; 0 = no limit)"
        );
        return problems;

        void Check(double? value, string name, double minimum, double maximum, string unit)
        {
            // Written so that NaN fails too.
            if (value is { } v && !(v >= minimum && v <= maximum))
            {
                problems.Add(
                    Problem(
                        where,
                        name,
                        v,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"between {minimum} and {maximum}{(unit.Length > 0 ? " " + unit : "")}"
                        )
                    )
                );
            }
        }
    }

    /// <summary>One line naming the setting, the accepted range and the value given.</summary>
    internal static string Problem(string where, string name, double value, string range) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(where.Length > 0 ? where + "." : "")}{name} must be {range}, not {value:G6}."
        );

    /// <summary>The policy these settings describe (call <see cref="FindProblems"/> first).</summary>
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
