namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>How <see cref="CalibrationCurve"/> places its bin edges (scikit-learn's <c>strategy</c>).</summary>
public enum CalibrationStrategy
{
    /// <summary>Equal-width bins over [0, 1] (scikit-learn <c>strategy='uniform'</c>, the default).</summary>
    Uniform,

    /// <summary>Edges at the probabilities' quantiles, so bins hold about equal counts (scikit-learn <c>strategy='quantile'</c>, numpy's linear percentile).</summary>
    Quantile,
}
