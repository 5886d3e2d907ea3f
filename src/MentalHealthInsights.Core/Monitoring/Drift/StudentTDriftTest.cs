using MathNet.Numerics.Distributions;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "t_test": Student's two-sample t-test with pooled variance, two-sided
/// (<c>scipy.stats.ttest_ind(ref, cur)</c>). NaN when both samples have zero variance.
/// Drift when p &lt; 0.05.
/// </summary>
public sealed class StudentTDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "t_test";

    /// <inheritdoc />
    public double DefaultThreshold => 0.05;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        double n1 = reference.Count;
        double n2 = current.Count;
        double v1 = reference.PopulationStandardDeviation();
        double v2 = current.PopulationStandardDeviation();
        double df = n1 + n2 - 2;
        double pooled = (v1 * v1 * n1 + v2 * v2 * n2) / df;
        double t = (reference.Mean() - current.Mean()) / Math.Sqrt(pooled * (1 / n1 + 1 / n2));
        double p =
            double.IsNaN(t) || df <= 0 ? double.NaN : 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new DriftTestScore(p, t);
    }
}
