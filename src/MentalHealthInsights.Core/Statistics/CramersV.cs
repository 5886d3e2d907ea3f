namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// Cramér's V, bias-uncorrected: V = sqrt(χ² / (n · (min(r, c) − 1))), with χ² the Pearson
/// statistic <em>without</em> Yates' correction, on the table after empty rows and columns are
/// dropped. Matches <c>scipy.stats.contingency.association(observed, method='cramer')</c>
/// (SciPy 1.10, <c>correction=False</c>). In [0, 1]; NaN when the table is empty or has a single
/// non-empty row or column.
/// </summary>
public static class CramersV
{
    /// <summary>Cramér's V of <paramref name="observed"/>.</summary>
    /// <param name="observed">Counts (non-negative).</param>
    public static double Compute(long[,] observed) =>
        FromChiSquare(ChiSquareIndependenceTest.Test(observed, correction: false));

    /// <summary>Cramér's V from a test already run; uses its uncorrected statistic.</summary>
    /// <param name="test">A chi-square result (corrected or not: the uncorrected statistic is used).</param>
    public static double FromChiSquare(ChiSquareIndependenceResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        int k = Math.Min(test.Rows, test.Columns) - 1;
        if (test.N == 0 || k < 1)
        {
            return double.NaN;
        }

        return Math.Sqrt(test.UncorrectedStatistic / (test.N * (double)k));
    }
}
