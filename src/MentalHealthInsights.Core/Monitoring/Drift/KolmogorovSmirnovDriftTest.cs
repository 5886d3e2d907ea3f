namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "ks": two-sample Kolmogorov–Smirnov, two-sided, as <c>scipy.stats.ks_2samp(method="auto")</c>.
/// The score is the p-value; Evidently's threshold 0.05 with drift when p ≤ 0.05. When both
/// samples have at most <see cref="MaxExactSize"/> values the exact distribution is used
/// (<see cref="KolmogorovSmirnovDistribution"/>, matching SciPy to 1e-9); otherwise, or when the
/// exact computation underflows, the asymptotic Kolmogorov limit with n = m·n/(m+n) (SciPy uses
/// the finite-n <c>kstwo</c> there; the two differ by less than 1e-3 for n ≥ 100).
/// </summary>
public sealed class KolmogorovSmirnovDriftTest : IDriftTest
{
    /// <summary>SciPy's MAX_AUTO_N: the largest sample size for which "auto" tries the exact p-value.</summary>
    public const int MaxExactSize = 10_000;

    /// <inheritdoc />
    public string Name => "ks";

    /// <inheritdoc />
    public double DefaultThreshold => 0.05;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueAtMost;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        double d = Statistic(reference.Values, current.Values);
        int n1 = reference.Count;
        int n2 = current.Count;
        double p = double.NaN;
        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            p = KolmogorovSmirnovDistribution.ExactTwoSidedPValue(n1, n2, d);
        }
        if (double.IsNaN(p))
        {
            double m = Math.Max(n1, n2);
            double n = Math.Min(n1, n2);
            double en = Math.Round(m * n / (m + n));
            p = KolmogorovSmirnovDistribution.AsymptoticSurvival(d * Math.Sqrt(en));
        }
        return new DriftTestScore(Math.Clamp(p, 0, 1), d);
    }

    /// <summary>D = max |F₁(x) − F₂(x)| over both sorted samples (ties handled as SciPy's searchsorted right).</summary>
    public static double Statistic(ReadOnlySpan<double> sorted1, ReadOnlySpan<double> sorted2)
    {
        int i = 0;
        int j = 0;
        double n1 = sorted1.Length;
        double n2 = sorted2.Length;
        double max = 0;
        while (i < sorted1.Length && j < sorted2.Length)
        {
            double x = Math.Min(sorted1[i], sorted2[j]);
            while (i < sorted1.Length && sorted1[i] <= x)
            {
                i++;
            }
            while (j < sorted2.Length && sorted2[j] <= x)
            {
                j++;
            }
            double diff = Math.Abs(i / n1 - j / n2);
            if (diff > max)
            {
                max = diff;
            }
        }
        return max;
    }
}
