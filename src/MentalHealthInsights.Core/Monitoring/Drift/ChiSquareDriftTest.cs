using MathNet.Numerics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "chisquare": Pearson's goodness of fit of the current counts against the reference shares
/// scaled to the current size (spec §1.4), over the union of values; K−1 degrees of freedom.
/// A value seen only in the current sample has expected count 0, so X² = ∞ and p = 0 (a new
/// category always drifts, as in Evidently, without its divide-by-zero warning). Drift when p &lt; 0.05.
/// </summary>
public sealed class ChiSquareDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "chisquare";

    /// <inheritdoc />
    public double DefaultThreshold => 0.05;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var (r, c) = DriftBinning.DistinctValueCounts(reference.Values, current.Values);
        double scale = (double)current.Count / reference.Count;
        double x2 = 0;
        for (int k = 0; k < r.Length; k++)
        {
            double expected = r[k] * scale;
            double diff = c[k] - expected;
            x2 += expected == 0 ? double.PositiveInfinity : diff * diff / expected;
        }
        int df = r.Length - 1;
        double p = PValue(x2, df);
        return new DriftTestScore(p, x2);
    }

    /// <summary>Upper tail of χ²(df) at <paramref name="x2"/> (<c>chi2.sf</c>); 1 when df = 0 and X² = 0.</summary>
    public static double PValue(double x2, int df)
    {
        if (double.IsPositiveInfinity(x2))
        {
            return 0;
        }
        if (df <= 0)
        {
            return double.NaN;
        }
        return SpecialFunctions.GammaUpperRegularized(df / 2.0, x2 / 2.0);
    }
}
