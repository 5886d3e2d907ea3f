namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>Quality-over-time options.</summary>
public sealed record PerformanceOptions
{
    /// <summary>Bootstrap resamples for the realised intervals (default 1,000).</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Bootstrap seed (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fewer labelled rows than this in a window: no realised metrics (default 20).</summary>
    public int MinimumLabelledRows { get; init; } = 20;

    /// <summary>
    /// Fewer rows than this in a window: no CBPE estimate (default 20, as the labelled rows). An
    /// estimate on a handful of rows is the calibrated mean of a few probabilities — an F1 of
    /// 0.98 from one row — and its alerts would fire by chance.
    /// </summary>
    public int MinimumEstimatedRows { get; init; } = 20;

    /// <summary>Estimate performance without labels with CBPE (default true).</summary>
    public bool EstimateWithoutLabels { get; init; } = true;
}
