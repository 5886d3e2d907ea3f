namespace MentalHealthInsights.Core.Eda;

/// <summary>Settings of the exploratory analysis.</summary>
public sealed record EdaOptions
{
    /// <summary>False-discovery rate for the Benjamini–Hochberg rule across feature–target tests. Default 0.05; must lie in (0, 1).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Equal-width bins per numeric histogram. Default 20; must be at least 1.</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>Most significant associations described in "what stands out". Default 5; must be at least 1.</summary>
    public int MaxHighlights { get; init; } = 5;

    /// <summary>The defaults.</summary>
    public static EdaOptions Default { get; } = new();
}
