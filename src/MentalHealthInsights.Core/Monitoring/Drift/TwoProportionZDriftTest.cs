using MathNet.Numerics.Distributions;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "z": two-proportion Z-test (spec §1.4). The smallest value of the union maps to 0 and every
/// other value to 1; pooled standard error; p = 2(1 − Φ(|z|)). Both samples constant at the same
/// value give p = 1. Drift when p &lt; 0.05.
/// </summary>
public sealed class TwoProportionZDriftTest : IDriftTest
{
    /// <inheritdoc />
    public string Name => "z";

    /// <inheritdoc />
    public double DefaultThreshold => 0.05;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var r = reference.Values;
        var c = current.Values;
        if (r[0] == r[^1] && c[0] == c[^1] && r[0] == c[0])
        {
            return new DriftTestScore(1.0, 0.0);
        }
        double first = Math.Min(r[0], c[0]);
        double n1 = r.Length;
        double n2 = c.Length;
        // Sorted samples: the share of "1" is everything above the first key.
        double p1 = (n1 - DriftBinning.UpperBound(r, first)) / n1;
        double p2 = (n2 - DriftBinning.UpperBound(c, first)) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        return new DriftTestScore(p, z);
    }
}
