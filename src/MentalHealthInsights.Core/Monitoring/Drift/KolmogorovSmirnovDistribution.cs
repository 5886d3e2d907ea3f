namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Null distribution of the two-sample Kolmogorov–Smirnov statistic: the exact two-sided
/// probability as SciPy 1.10 computes it (lattice paths, Hodges 1958; a rescaled sliding
/// column so the binomial coefficients never overflow) and the asymptotic Kolmogorov limit.
/// </summary>
public static class KolmogorovSmirnovDistribution
{
    /// <summary>
    /// P(D ≥ d) for sample sizes <paramref name="n1"/>, <paramref name="n2"/>; NaN when the
    /// computation is not reliable (SciPy then falls back to the asymptotic formula).
    /// </summary>
    public static double ExactTwoSidedPValue(int n1, int n2, double d)
    {
        int g = Gcd(n1, n2);
        long lcm = (long)(n1 / g) * n2;
        // SciPy rounds d·lcm to the lattice: D is always a multiple of 1/lcm.
        long h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        if (h == 0)
        {
            return 1.0;
        }
        double p = n1 == n2 ? OutsideSquare(n1, h) : OuterProbabilityInsideMethod(n1, n2, g, h);
        return p is >= 0 and <= 1 && double.IsFinite(p) ? p : double.NaN;
    }

    /// <summary>SciPy's <c>_compute_prob_outside_square(n, h)</c> (equal sizes).</summary>
    private static double OutsideSquare(long n, long h)
    {
        double p = 0.0;
        long k = n / h;
        while (k >= 0)
        {
            double p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /// <summary>SciPy's <c>_compute_outer_prob_inside_method(m, n, g, h)</c> (unequal sizes).</summary>
    private static double OuterProbabilityInsideMethod(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.Min(CeilDiv(h, mg), n + 1);
        long curlen = maxj - minj;
        long lenA = Math.Min(2 * maxj + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, (int)minj, (int)(maxj - minj));
        for (long i = 1; i <= m; i++)
        {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.Max(FloorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min(CeilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                long j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                Array.Fill(a, 1.0, (int)(maxj - minj), (int)(lastlen - curlen));
            }
        }
        return a[maxj - minj - 1];
    }

    /// <summary>
    /// Kolmogorov's limiting survival function Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²)
    /// (<c>scipy.special.kolmogorov</c>); 1 for λ ≤ 0.
    /// </summary>
    public static double AsymptoticSurvival(double lambda)
    {
        if (lambda <= 0)
        {
            return 1.0;
        }
        if (lambda < 1.0)
        {
            // Small λ: the alternating series converges slowly; use the Jacobi theta form of the CDF.
            double sum = 0;
            double factor = Math.Sqrt(2 * Math.PI) / lambda;
            for (int k = 1; k <= 50; k++)
            {
                double m = 2 * k - 1;
                sum += Math.Exp(-m * m * Math.PI * Math.PI / (8 * lambda * lambda));
            }
            return 1.0 - factor * sum;
        }
        double total = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda);
            total += (k % 2 == 1 ? term : -term);
            if (term < 1e-18)
            {
                break;
            }
        }
        return Math.Clamp(2 * total, 0, 1);
    }

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
