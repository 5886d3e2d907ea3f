namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "wasserstein": W₁ (<c>scipy.stats.wasserstein_distance</c>) divided by the reference's
/// population standard deviation floored at 0.001 (spec §1.4). Drift when the normed distance ≥ 0.1.
/// </summary>
public sealed class WassersteinDriftTest : IDriftTest
{
    /// <summary>Floor of the reference standard deviation (Evidently's).</summary>
    public const double StandardDeviationFloor = 0.001;

    /// <inheritdoc />
    public string Name => "wasserstein";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.DistanceAtLeast;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        double w = CdfDistance(reference.Values, current.Values, 1);
        double norm = Math.Max(reference.PopulationStandardDeviation(), StandardDeviationFloor);
        return new DriftTestScore(w / norm, w);
    }

    /// <summary>
    /// SciPy's <c>_cdf_distance(p, u, v)</c> on sorted samples: (∫ |F_u − F_v|^p dx)^(1/p), with
    /// right-continuous empirical CDFs evaluated between consecutive pooled values.
    /// </summary>
    public static double CdfDistance(ReadOnlySpan<double> u, ReadOnlySpan<double> v, int p)
    {
        int i = 0;
        int j = 0;
        double nu = u.Length;
        double nv = v.Length;
        double total = 0;
        double previous = Math.Min(u[0], v[0]);
        while (i < u.Length || j < v.Length)
        {
            double x = i < u.Length && (j >= v.Length || u[i] <= v[j]) ? u[i] : v[j];
            if (x > previous)
            {
                double diff = Math.Abs(i / nu - j / nv);
                total += (p == 1 ? diff : diff * diff) * (x - previous);
            }
            while (i < u.Length && u[i] == x)
            {
                i++;
            }
            while (j < v.Length && v[j] == x)
            {
                j++;
            }
            previous = x;
        }
        return p == 1 ? total : Math.Sqrt(total);
    }
}
