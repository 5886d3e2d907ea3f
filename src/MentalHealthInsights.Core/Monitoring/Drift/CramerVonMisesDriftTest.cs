using MathNet.Numerics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "cramer_von_mises": the two-sample Cramér–von Mises test
/// (<c>scipy.stats.cramervonmises_2samp(ref, cur, method="auto")</c>): midranks for ties, the
/// exact distribution (Xiao, Gordon and Yakovlev 2006) when both samples have at most
/// <see cref="MaxExactSize"/> values, else the normalised statistic against the limiting
/// distribution (Csörgő and Faraway 1996). Drift when p ≤ 0.1.
/// </summary>
public sealed class CramerVonMisesDriftTest : IDriftTest
{
    /// <summary>SciPy uses the exact p-value when max(n₁, n₂) ≤ 20.</summary>
    public const int MaxExactSize = 20;

    /// <inheritdoc />
    public string Name => "cramer_von_mises";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueAtMost;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        var x = reference.Values;
        var y = current.Values;
        long nx = x.Length;
        long ny = y.Length;
        // Both samples are sorted, so the i-th value of a sample has the i-th smallest midrank.
        var (rx, ry) = MidRanks(x, y);
        double u = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = rx[i] - (i + 1);
            u += d * d;
        }
        u *= nx;
        double uy = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double d = ry[i] - (i + 1);
            uy += d * d;
        }
        u += ny * uy;
        double k = nx * ny;
        double nTotal = nx + ny;
        double t = u / (k * nTotal) - (4 * k - 1) / (6 * nTotal);
        double p;
        if (Math.Max(nx, ny) <= MaxExactSize)
        {
            p = ExactPValue(u, nx, ny);
        }
        else
        {
            double et = (1 + 1 / nTotal) / 6;
            double vt = (nTotal + 1) * (4 * k * nTotal - 3 * (nx * nx + ny * ny) - 2 * k);
            vt /= 45 * nTotal * nTotal * 4 * k;
            double tn = 1.0 / 6 + (t - et) / Math.Sqrt(45 * vt);
            p = tn < 0.003 ? 1.0 : Math.Max(0, 1.0 - LimitingCdf(tn));
        }
        return new DriftTestScore(p, t);
    }

    /// <summary>Midranks (1-based, ties averaged) of two sorted samples within the pooled sample.</summary>
    private static (double[] X, double[] Y) MidRanks(double[] x, double[] y)
    {
        var rx = new double[x.Length];
        var ry = new double[y.Length];
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
            long ties = i - i0 + (j - j0);
            double rank = below + (ties + 1) / 2.0;
            for (int a = i0; a < i; a++)
            {
                rx[a] = rank;
            }
            for (int b = j0; b < j; b++)
            {
                ry[b] = rank;
            }
            below += ties;
        }
        return (rx, ry);
    }

    /// <summary>SciPy's <c>_cdf_cvm_inf</c>: series of Bessel-K terms until a term is below 1e-7.</summary>
    public static double LimitingCdf(double x)
    {
        double total = 0;
        for (int k = 0; k < 1000; k++)
        {
            double u =
                Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1))
                / (Math.Pow(Math.PI, 1.5) * Math.Sqrt(x));
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double b = SpecialFunctions.BesselK(0.25, q);
            double term = u * Math.Sqrt(y) * Math.Exp(-q) * b;
            if (double.IsNaN(term))
            {
                term = 0;
            }
            total += term;
            if (Math.Abs(term) < 1e-7)
            {
                break;
            }
        }
        return total;
    }

    /// <summary>SciPy's <c>_pval_cvm_2samp_exact(u, m, n)</c>: frequency tables of g⁺ (Xiao et al., Algorithm 1).</summary>
    public static double ExactPValue(double u, long m, long n)
    {
        long lcm = m / Gcd(m, n) * n;
        long a = lcm / m;
        long b = lcm / n;
        double mn = m * n;
        double zeta = Math.Floor(
            lcm * (double)lcm * (m + n) * (6 * u - mn * (4 * mn - 1)) / (6 * mn * mn)
        );
        var gs = new Dictionary<long, long>[m + 1];
        gs[0] = new Dictionary<long, long> { [0] = 1 };
        for (int v = 1; v <= m; v++)
        {
            gs[v] = [];
        }
        for (long uu = 0; uu <= n; uu++)
        {
            var next = new Dictionary<long, long>[m + 1];
            var tmp = new Dictionary<long, long>();
            for (int v = 0; v <= m; v++)
            {
                var merged = new Dictionary<long, long>(tmp);
                foreach (var (value, freq) in gs[v])
                {
                    merged[value] = merged.GetValueOrDefault(value) + freq;
                }
                long shift = (a * v - b * uu) * (a * v - b * uu);
                tmp = new Dictionary<long, long>(merged.Count);
                foreach (var (value, freq) in merged)
                {
                    tmp[value + shift] = freq;
                }
                next[v] = tmp;
            }
            gs = next;
        }
        double combinations = SpecialFunctions.Binomial((int)(m + n), (int)m);
        long hits = 0;
        foreach (var (value, freq) in gs[m])
        {
            if (value >= zeta)
            {
                hits += freq;
            }
        }
        return hits / combinations;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
