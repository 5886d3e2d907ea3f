using MathNet.Numerics.Distributions;

namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// Two-sided Mann–Whitney U (Wilcoxon rank-sum) test matching
/// <c>scipy.stats.mannwhitneyu(x, y, alternative='two-sided')</c> (SciPy 1.10, defaults
/// <c>use_continuity=True</c>, <c>method='auto'</c>), except that NaN values are dropped first
/// (SciPy raises) and an empty sample gives NaN (SciPy raises).
/// </summary>
public static class MannWhitneyUTest
{
    /// <summary>
    /// Samples no larger than this (in the smaller group, with no ties) get the exact p-value
    /// under <c>method='auto'</c>: SciPy uses the normal approximation only when both samples
    /// exceed 8 or when there are ties.
    /// </summary>
    public const int ExactMaxSmallerSample = 8;

    // The exact distribution needs one array entry per value of U up to n1·n2/2.
    private const long ExactMaxCells = 200_000_000;

    /// <summary>Runs the test of <paramref name="x"/> against <paramref name="y"/>.</summary>
    /// <param name="x">First sample; NaN values are dropped and counted.</param>
    /// <param name="y">Second sample; NaN values are dropped and counted.</param>
    /// <param name="method">
    /// Null (the default) chooses as SciPy's <c>'auto'</c>: exact when no ties and at least one
    /// sample has at most <see cref="ExactMaxSmallerSample"/> values, otherwise asymptotic.
    /// </param>
    /// <param name="useContinuity">Apply the 0.5 continuity correction to the normal approximation (default true).</param>
    /// <exception cref="ArgumentOutOfRangeException">Exact was forced on samples too large to enumerate.</exception>
    public static MannWhitneyUResult Test(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        MannWhitneyUMethod? method = null,
        bool useContinuity = true
    )
    {
        var values = new double[x.Length + y.Length];
        int n1 = CopyNonNaN(x, values, 0);
        int n2 = CopyNonNaN(y, values, n1);
        int missing1 = x.Length - n1;
        int missing2 = y.Length - n2;
        if (n1 == 0 || n2 == 0)
        {
            return new MannWhitneyUResult(
                double.NaN,
                double.NaN,
                method ?? MannWhitneyUMethod.Asymptotic,
                n1,
                n2,
                missing1,
                missing2
            );
        }

        int n = n1 + n2;
        var pooled = values.AsSpan(0, n);
        var owners = new int[n];
        for (int i = 0; i < n; i++)
        {
            owners[i] = i;
        }

        pooled.Sort(owners.AsSpan());

        // Mid-ranks over tie groups; only the rank sum of x and the tie term are needed.
        double rankSumX = 0;
        double tieTerm = 0;
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && pooled[end] == pooled[start])
            {
                end++;
            }

            double t = end - start;
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++)
            {
                if (owners[k] < n1)
                {
                    rankSumX += midRank;
                }
            }

            tieTerm += (t * t * t) - t;
            start = end;
        }

        bool hasTies = tieTerm > 0;
        double u1 = rankSumX - (n1 * (n1 + 1.0) / 2.0);
        double u2 = ((double)n1 * n2) - u1;
        double u = Math.Max(u1, u2);

        var chosen =
            method
            ?? (
                (n1 > ExactMaxSmallerSample && n2 > ExactMaxSmallerSample) || hasTies
                    ? MannWhitneyUMethod.Asymptotic
                    : MannWhitneyUMethod.Exact
            );

        double p =
            chosen == MannWhitneyUMethod.Exact
                ? 2.0 * ExactUpperTail((long)u, n1, n2)
                : 2.0 * AsymptoticUpperTail(u, n1, n2, tieTerm, useContinuity);

        // As in SciPy: U = n1·n2/2 makes the doubled tail exceed 1.
        p = Math.Clamp(p, 0.0, 1.0);
        return new MannWhitneyUResult(u1, p, chosen, n1, n2, missing1, missing2);
    }

    private static int CopyNonNaN(ReadOnlySpan<double> source, double[] target, int offset)
    {
        int count = 0;
        foreach (double v in source)
        {
            if (!double.IsNaN(v))
            {
                target[offset + count++] = v;
            }
        }

        return count;
    }

    private static double AsymptoticUpperTail(
        double u,
        int n1,
        int n2,
        double tieTerm,
        bool useContinuity
    )
    {
        double n = (double)n1 + n2;
        double mu = (double)n1 * n2 / 2.0;
        double s = Math.Sqrt((double)n1 * n2 / 12.0 * ((n + 1) - (tieTerm / (n * (n - 1)))));
        double numerator = u - mu;
        if (useContinuity)
        {
            numerator -= 0.5;
        }

        // s = 0 (every value tied) gives ±∞ and a tail of 0 or 1, as in SciPy.
        double z = numerator / s;
        return double.IsNaN(z) ? double.NaN : Normal.CDF(0.0, 1.0, -z);
    }

    /// <summary>
    /// P(U ≥ u) under the null, read from the lower tail by symmetry: P(U ≤ n1·n2 − u).
    /// The number of arrangements with U = k is the coefficient of q^k in the Gaussian binomial
    /// [m+n choose m]_q = Π_{i=1..m} (1 − q^(n+i)) / (1 − q^i); truncating the polynomial at the
    /// needed degree keeps the cost at O(m · k).
    /// </summary>
    private static double ExactUpperTail(long u, int n1, int n2)
    {
        int m = Math.Min(n1, n2);
        int n = Math.Max(n1, n2);
        long lowerBound = ((long)m * n) - u;
        if (lowerBound < 0)
        {
            return 0.0;
        }

        if (lowerBound >= ExactMaxCells)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n1),
                "The samples are too large for the exact Mann–Whitney distribution; use the asymptotic method."
            );
        }

        int kMax = (int)lowerBound;
        var c = new double[kMax + 1];
        c[0] = 1.0;
        for (int i = 1; i <= m; i++)
        {
            int shift = n + i;
            for (int k = kMax; k >= shift; k--)
            {
                c[k] -= c[k - shift];
            }

            for (int k = i; k <= kMax; k++)
            {
                c[k] += c[k - i];
            }
        }

        double count = 0;
        for (int k = 0; k <= kMax; k++)
        {
            count += c[k];
        }

        return count / Binomial(m + n, m);
    }

    private static double Binomial(int total, int chosen)
    {
        // Each partial product is C(total − chosen + i, i), an integer, so this is exact below 2^53.
        double result = 1.0;
        for (int i = 1; i <= chosen; i++)
        {
            result = result * (total - chosen + i) / i;
        }

        return result;
    }
}
