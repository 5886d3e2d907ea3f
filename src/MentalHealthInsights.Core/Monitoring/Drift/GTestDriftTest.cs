using MathNet.Numerics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "g_test": the log-likelihood ratio G = 2 Σ o ln(o/e) of current counts against the
/// reference counts scaled to the current size, over the union of values, K−1 degrees of freedom.
/// Evidently passes the <em>unscaled</em> reference counts (spec §1.4), which SciPy ≥ 1.9 rejects
/// with an error whenever the sizes differ; with equal sizes both agree. Zero expected counts
/// give G = ∞ and p = 0. Drift when p &lt; 0.1.
/// </summary>
public sealed class GTestDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "g_test";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var (r, c) = DriftBinning.DistinctValueCounts(reference.Values, current.Values);
        double scale = (double)current.Count / reference.Count;
        double g = 0;
        for (int k = 0; k < r.Length; k++)
        {
            if (c[k] == 0)
            {
                continue;
            }
            g += r[k] == 0 ? double.PositiveInfinity : c[k] * Math.Log(c[k] / (r[k] * scale));
        }
        g *= 2;
        double p =
            double.IsPositiveInfinity(g) ? 0
            : r.Length < 2 ? double.NaN
            : SpecialFunctions.GammaUpperRegularized((r.Length - 1) / 2.0, Math.Max(g, 0) / 2.0);
        return new DriftTestScore(p, g);
    }
}
