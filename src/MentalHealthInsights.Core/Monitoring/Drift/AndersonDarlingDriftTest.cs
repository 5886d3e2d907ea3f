using MathNet.Numerics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "anderson": the k-sample Anderson–Darling test for k = 2, midrank version
/// (<c>scipy.stats.anderson_ksamp([ref, cur])</c>, Scholz and Stephens 1987). The p-value is
/// interpolated from the published critical values (quadratic fit of log significance) and
/// capped to [0.001, 0.25] as SciPy does. Needs at least two distinct pooled values (else NaN).
/// Drift when p &lt; 0.1.
/// </summary>
public sealed class AndersonDarlingDriftTest : IDriftTest
{
    private static readonly double[] B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
    private static readonly double[] B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
    private static readonly double[] B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
    private static readonly double[] Significance = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];

    /// <inheritdoc />
    public string Name => "anderson";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        double a2 = Statistic(reference.Values, current.Values);
        if (double.IsNaN(a2))
        {
            return new DriftTestScore(double.NaN, double.NaN);
        }
        return new DriftTestScore(PValue(a2), a2);
    }

    /// <summary>The standardised statistic (SciPy's <c>statistic</c>); NaN with fewer than two distinct values.</summary>
    public static double Statistic(double[] x, double[] y)
    {
        const int k = 2;
        double[][] samples = [x, y];
        double n = x.Length + y.Length;
        var (refCounts, curCounts) = DriftBinning.DistinctValueCounts(x, y);
        if (refCounts.Length < 2)
        {
            return double.NaN;
        }
        // Pooled counts per distinct value, then the midrank sum of Scholz–Stephens eq. 7.
        int z = refCounts.Length;
        var lj = new double[z];
        var bj = new double[z];
        double below = 0;
        for (int j = 0; j < z; j++)
        {
            lj[j] = refCounts[j] + curCounts[j];
            bj[j] = below + lj[j] / 2.0;
            below += lj[j];
        }
        double a2akn = 0;
        for (int i = 0; i < k; i++)
        {
            var s = samples[i];
            double ni = s.Length;
            double inner = 0;
            double sBelow = 0;
            for (int j = 0; j < z; j++)
            {
                double fij = i == 0 ? refCounts[j] : curCounts[j];
                double mij = sBelow + fij - fij / 2.0;
                sBelow += fij;
                double num = n * mij - bj[j] * ni;
                inner += lj[j] / n * num * num / (bj[j] * (n - bj[j]) - n * lj[j] / 4.0);
            }
            a2akn += inner / ni;
        }
        a2akn *= (n - 1.0) / n;

        double h1 = 1.0 / x.Length + 1.0 / y.Length;
        // hs_cs = cumsum(1/arange(N-1, 1, -1)); h = hs_cs[-1] + 1; g = Σ hs_cs / arange(2, N).
        int nn = (int)n;
        var hs = new double[Math.Max(nn - 2, 0)];
        double acc = 0;
        for (int t = 0; t < hs.Length; t++)
        {
            acc += 1.0 / (nn - 1 - t);
            hs[t] = acc;
        }
        double h = (hs.Length > 0 ? hs[^1] : 0) + 1;
        double g = 0;
        for (int t = 0; t < hs.Length; t++)
        {
            g += hs[t] / (t + 2);
        }
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * h1;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * h1 - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * h1 + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        double sigmasq =
            (a * n * n * n + b * n * n + c * n + d) / ((n - 1.0) * (n - 2.0) * (n - 3.0));
        return (a2akn - (k - 1)) / Math.Sqrt(sigmasq);
    }

    /// <summary>SciPy's interpolated significance level for k = 2, capped to [0.001, 0.25].</summary>
    public static double PValue(double a2)
    {
        const double m = 1;
        var critical = new double[B0.Length];
        for (int t = 0; t < B0.Length; t++)
        {
            critical[t] = B0[t] + B1[t] / Math.Sqrt(m) + B2[t] / m;
        }
        if (a2 < critical[0])
        {
            return 0.25;
        }
        if (a2 > critical[^1])
        {
            return 0.001;
        }
        var logSig = Significance.Select(s => Math.Log(s)).ToArray();
        var coefficients = Fit.Polynomial(critical, logSig, 2);
        return Math.Exp(coefficients[0] + coefficients[1] * a2 + coefficients[2] * a2 * a2);
    }
}
