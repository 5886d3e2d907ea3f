using MathNet.Numerics;

namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// Pearson's chi-square test of independence matching <c>scipy.stats.chi2_contingency(observed)</c>
/// (SciPy 1.10, <c>correction=True</c>): expected counts are row total × column total / n, and
/// Yates' continuity correction (each |observed − expected| reduced by min(0.5, |observed − expected|))
/// is applied only when the degrees of freedom equal 1. Unlike SciPy, which raises when an
/// expected count is zero, empty rows and columns are dropped first.
/// </summary>
public static class ChiSquareIndependenceTest
{
    /// <summary>Tests independence of the rows and columns of <paramref name="observed"/>.</summary>
    /// <param name="observed">Counts; rows are levels of one variable, columns of the other.</param>
    /// <param name="correction">Apply Yates' correction when the degrees of freedom equal 1 (default true, as SciPy).</param>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static ChiSquareIndependenceResult Test(long[,] observed, bool correction = true)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var (table, rowTotals, columnTotals, n) = Reduce(observed);
        int rows = rowTotals.Length;
        int columns = columnTotals.Length;
        if (n == 0)
        {
            return new ChiSquareIndependenceResult(
                double.NaN,
                double.NaN,
                0,
                double.NaN,
                0,
                0,
                0,
                false
            );
        }

        int dof = (rows - 1) * (columns - 1);
        if (dof == 0)
        {
            // One non-trivial dimension: observed equals expected (SciPy's degenerate case).
            return new ChiSquareIndependenceResult(0.0, 0.0, 0, 1.0, n, rows, columns, false);
        }

        bool yates = correction && dof == 1;
        double uncorrected = 0;
        double corrected = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double expected = (double)rowTotals[r] * columnTotals[c] / n;
                double diff = table[r, c] - expected;
                uncorrected += diff * diff / expected;
                if (yates)
                {
                    double adjusted = Math.Max(Math.Abs(diff) - 0.5, 0.0);
                    corrected += adjusted * adjusted / expected;
                }
            }
        }

        double statistic = yates ? corrected : uncorrected;
        return new ChiSquareIndependenceResult(
            statistic,
            uncorrected,
            dof,
            UpperTail(statistic, dof),
            n,
            rows,
            columns,
            yates
        );
    }

    /// <summary>
    /// P(X ≥ statistic) for X ~ chi-square(dof). MathNet's ChiSquared offers only the CDF, and
    /// 1 − CDF loses every digit below 1e-16, so the regularized upper incomplete gamma is used.
    /// </summary>
    internal static double UpperTail(double statistic, int dof) =>
        statistic <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(dof / 2.0, statistic / 2.0);

    private static (long[,] Table, long[] RowTotals, long[] ColumnTotals, long N) Reduce(
        long[,] observed
    )
    {
        int rows = observed.GetLength(0);
        int columns = observed.GetLength(1);
        var rowTotals = new long[rows];
        var columnTotals = new long[columns];
        long n = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                long v = observed[r, c];
                if (v < 0)
                {
                    throw new ArgumentException("Counts must not be negative.", nameof(observed));
                }

                rowTotals[r] += v;
                columnTotals[c] += v;
                n += v;
            }
        }

        int[] keptRows = [.. Enumerable.Range(0, rows).Where(r => rowTotals[r] > 0)];
        int[] keptColumns = [.. Enumerable.Range(0, columns).Where(c => columnTotals[c] > 0)];
        var table = new long[keptRows.Length, keptColumns.Length];
        for (int r = 0; r < keptRows.Length; r++)
        {
            for (int c = 0; c < keptColumns.Length; c++)
            {
                table[r, c] = observed[keptRows[r], keptColumns[c]];
            }
        }

        return (
            table,
            [.. keptRows.Select(r => rowTotals[r])],
            [.. keptColumns.Select(c => columnTotals[c])],
            n
        );
    }
}
