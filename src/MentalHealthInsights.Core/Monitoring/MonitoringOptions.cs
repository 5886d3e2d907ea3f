using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Fairness;
using MentalHealthInsights.Core.Monitoring.Performance;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>Everything one monitoring analysis is configured with.</summary>
public sealed record MonitoringOptions
{
    /// <summary>Drift profile and tests.</summary>
    public DriftOptions Drift { get; init; } = new();

    /// <summary>Quality over time.</summary>
    public PerformanceOptions Performance { get; init; } = new();

    /// <summary>Fairness groups.</summary>
    public FairnessOptions Fairness { get; init; } = new();

    /// <summary>Window length for quality and fairness over time (default one day).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The most windows kept in every series over time — drift, quality and fairness alike
    /// (default 184, half a year of days); with more windows, consecutive ones are merged
    /// (<see cref="DriftOverTimeAnalyzer.Merge"/>) so the report stays bounded.
    /// </summary>
    public int MaxDriftWindows { get; init; } = DriftOverTimeAnalyzer.DefaultMaxWindows;

    /// <summary>Alignment of the windows (default the Unix epoch: daily windows start at 00:00 UTC).</summary>
    public DateTimeOffset? WindowOrigin { get; init; }
}
