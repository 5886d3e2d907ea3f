using MathNet.Numerics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "fisher_exact": Fisher's exact test on the 2×2 table [[ones_cur, zeros_cur], [ones_ref,
/// zeros_ref]] (Evidently's layout; "one" is the larger of the two values), two-sided as
/// <c>scipy.stats.fisher_exact</c>: the sum of the hypergeometric probabilities not above the
/// observed table's, 1 when the observed table is the mode, 1 when a row or column is empty. The
/// statistic is the sample odds ratio (∞ with a zero off-diagonal cell, NaN with an empty
/// margin). Binary columns only: more than two distinct values in reference ∪ current is a
/// <see cref="DriftTestNotApplicableException"/>. Unlike Evidently, the samples need not have the
/// same size. Probabilities are compared with a relative tolerance of 10⁻⁷ (R's
/// <c>fisher.test</c>; SciPy uses 10⁻¹⁴) so that mirror tables with mathematically equal
/// probabilities count as equal despite rounding. Drift when p &lt; 0.1.
/// </summary>
public sealed class FisherExactDriftTest : IDriftTest
{
    private const double RelativeTolerance = 1e-7;

    /// <inheritdoc />
    public string Name => "fisher_exact";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var (r, c) = DriftBinning.DistinctValueCounts(reference.Values, current.Values);
        if (r.Length > 2)
        {
            throw new DriftTestNotApplicableException(
                $"fisher_exact needs a binary column; reference and current hold {r.Length} distinct values."
            );
        }
        long onesCur = r.Length == 2 ? (long)c[1] : 0;
        long onesRef = r.Length == 2 ? (long)r[1] : 0;
        var (odds, p) = TwoSided(
            onesCur,
            current.Count - onesCur,
            onesRef,
            reference.Count - onesRef
        );
        return new DriftTestScore(p, odds);
    }

    /// <summary>
    /// Two-sided Fisher exact test of [[a, b], [c, d]]: (odds ratio, p-value) as
    /// <c>scipy.stats.fisher_exact(table)</c>, with the tolerance described on the type.
    /// </summary>
    public static (double OddsRatio, double PValue) TwoSided(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Counts must be non-negative.");
        }
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0)
        {
            return (double.NaN, 1.0);
        }
        double odds = c > 0 && b > 0 ? (double)a * d / ((double)c * b) : double.PositiveInfinity;
        long n1 = a + b;
        long n2 = c + d;
        long n = a + c;
        long lo = Math.Max(0, n - n2);
        long hi = Math.Min(n1, n);
        double logDenominator = SpecialFunctions.BinomialLn((int)(n1 + n2), (int)n);
        double LogPmf(long x) =>
            SpecialFunctions.BinomialLn((int)n1, (int)x)
            + SpecialFunctions.BinomialLn((int)n2, (int)(n - x))
            - logDenominator;
        double logExact = LogPmf(a);
        long mode = (long)((double)(n + 1) * (n1 + 1) / (n1 + n2 + 2));
        if (Math.Abs(logExact - LogPmf(mode)) <= RelativeTolerance)
        {
            return (odds, 1.0);
        }
        // Sum from each tail inwards while the probability stays at or below the observed one
        // (the pmf is unimodal), smallest terms first.
        double limit = logExact + RelativeTolerance;
        double p = 0;
        for (long x = lo; x <= hi; x++)
        {
            double lp = LogPmf(x);
            if (lp > limit)
            {
                break;
            }
            p += Math.Exp(lp);
        }
        for (long x = hi; x >= lo; x--)
        {
            double lp = LogPmf(x);
            if (lp > limit)
            {
                break;
            }
            p += Math.Exp(lp);
        }
        return (odds, Math.Min(p, 1.0));
    }
}
