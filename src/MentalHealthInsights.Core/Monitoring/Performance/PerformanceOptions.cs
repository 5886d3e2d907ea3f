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

    /// <summary>Estimate performance without labels with CBPE (default true).</summary>
    public bool EstimateWithoutLabels { get; init; } = true;
}
