namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>Outcome of <see cref="PairedBootstrapTest"/>: model A against model B on the same rows.</summary>
/// <param name="Metric">The metric compared (a <c>MetricNames</c> key, or the caller's label for a custom metric).</param>
/// <param name="EstimateA">Metric of A on the original rows.</param>
/// <param name="EstimateB">Metric of B on the original rows.</param>
/// <param name="Difference">Observed A − B, with its percentile-bootstrap interval.</param>
/// <param name="PValue">
/// Two-sided p-value for H0: no difference, (1 + #{b : |d*_b − d| ≥ |d|}) / (B + 1), where d is the
/// observed difference, d*_b the difference on resample b and B the resamples used. NaN when no
/// resample was usable or the observed difference is undefined.
/// </param>
/// <param name="ResamplesUsed">Resamples where both metrics were defined (AUCs need both classes).</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Seed">Seed of the resampling generator.</param>
public sealed record PairedBootstrapResult(
    string Metric,
    double EstimateA,
    double EstimateB,
    Interval Difference,
    double PValue,
    int ResamplesUsed,
    int Resamples,
    int Seed
)
{
    /// <summary>True when <see cref="PValue"/> &lt; <paramref name="alpha"/> (false for NaN).</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
