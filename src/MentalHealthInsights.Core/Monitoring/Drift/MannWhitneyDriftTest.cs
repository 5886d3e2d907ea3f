using MathNet.Numerics.Distributions;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "mannw": Mann–Whitney U with Evidently's <c>alternative="less"</c>
/// (<c>scipy.stats.mannwhitneyu(ref, cur, alternative="less")</c>, method "auto": exact when both
/// samples have at most 8 values and there are no ties, else normal approximation with tie and
/// continuity corrections). Drift when p &lt; 0.05.
/// </summary>
public sealed class MannWhitneyDriftTest : IDriftTest
{
    /// <summary>SciPy's exact-method limit on each sample size.</summary>
    public const int MaxExactSize = 8;

    /// <inheritdoc />
    public string Name => "mannw";

    /// <inheritdoc />
    public double DefaultThreshold => 0.05;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var x = reference.Values;
        var y = current.Values;
        long n1 = x.Length;
        long n2 = y.Length;
        double r1 = 0;
        double tieTerm = 0;
        bool ties = false;
        int i = 0;
        int j = 0;
        long below = 0;
        while (i < x.Length || j < y.Length)
        {
            double v = i < x.Length && (j >= y.Length || x[i] <= y[j]) ? x[i] : y[j];
            int i0 = i;
            int j0 = j;
            while (i < x.Length && x[i] == v)
            {
                i++;
            }
            while (j < y.Length && y[j] == v)
            {
                j++;
            }
            double t = i - i0 + (j - j0);
            r1 += (i - i0) * (below + (t + 1) / 2.0);
            tieTerm += t * t * t - t;
            ties |= t > 1;
            below += (long)t;
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = n1 * n2 - u1;
        double p;
        if (n1 <= MaxExactSize && n2 <= MaxExactSize && !ties)
        {
            p = ExactSurvival((long)u2, n1, n2);
        }
        else
        {
            double mu = n1 * n2 / 2.0;
            double nn = n1 + n2;
            double s = Math.Sqrt(n1 * n2 / 12.0 * ((nn + 1) - tieTerm / (nn * (nn - 1))));
            double z = (u2 - mu - 0.5) / s;
            p = Normal.CDF(0, 1, -z);
        }
        return new DriftTestScore(Math.Clamp(p, 0, 1), u1);
    }

    /// <summary>P(U ≥ u) under the null without ties, by counting arrangements.</summary>
    private static double ExactSurvival(long u, long n1, long n2)
    {
        // counts[m, n][k]: arrangements of m and n values with U = k (recurrence of Mann and Whitney 1947).
        int max = (int)(n1 * n2);
        var table = new double[n1 + 1, n2 + 1][];
        for (int a = 0; a <= n1; a++)
        {
            for (int b = 0; b <= n2; b++)
            {
                var f = new double[a * b + 1];
                if (a == 0 || b == 0)
                {
                    f[0] = 1;
                }
                else
                {
                    var left = table[a - 1, b];
                    var down = table[a, b - 1];
                    for (int k = 0; k <= a * b; k++)
                    {
                        f[k] =
                            (k - b >= 0 && k - b < left.Length ? left[k - b] : 0)
                            + (k < down.Length ? down[k] : 0);
                    }
                }
                table[a, b] = f;
            }
        }
        var final = table[n1, n2];
        double total = 0;
        double tail = 0;
        for (int k = 0; k <= max; k++)
        {
            total += final[k];
            if (k >= u)
            {
                tail += final[k];
            }
        }
        return tail / total;
    }
}
