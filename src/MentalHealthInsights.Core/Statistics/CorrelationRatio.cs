namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// The correlation ratio η between a categorical and a numeric variable:
/// η² = Σ_g n_g (ȳ_g − ȳ)² / Σ_i (y_i − ȳ)², the share of the numeric variance explained by the
/// categories. In [0, 1]. For a two-level category it equals |Pearson r| of the numeric variable
/// with a 0/1 indicator (the point-biserial correlation).
/// </summary>
public static class CorrelationRatio
{
    /// <summary>
    /// η of <paramref name="values"/> grouped by <paramref name="categories"/>. Pairs with a NaN
    /// value or a negative category code are skipped. NaN when fewer than two pairs remain or the
    /// values are constant.
    /// </summary>
    /// <param name="categories">Category codes 0…k−1 (negative = missing).</param>
    /// <param name="values">Numeric values, same length.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Compute(ReadOnlySpan<int> categories, ReadOnlySpan<double> values)
    {
        if (categories.Length != values.Length)
        {
            throw new ArgumentException("Categories and values must have the same length.");
        }

        int groups = 0;
        foreach (int c in categories)
        {
            groups = Math.Max(groups, c + 1);
        }

        var sums = new double[groups];
        var counts = new long[groups];
        double total = 0;
        long n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (categories[i] < 0 || double.IsNaN(values[i]))
            {
                continue;
            }

            sums[categories[i]] += values[i];
            counts[categories[i]]++;
            total += values[i];
            n++;
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double mean = total / n;
        double ssTotal = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (categories[i] >= 0 && !double.IsNaN(values[i]))
            {
                double d = values[i] - mean;
                ssTotal += d * d;
            }
        }

        double ssBetween = 0;
        for (int g = 0; g < groups; g++)
        {
            if (counts[g] > 0)
            {
                double d = (sums[g] / counts[g]) - mean;
                ssBetween += counts[g] * d * d;
            }
        }

        return ssTotal > 0 ? Math.Sqrt(Math.Min(ssBetween / ssTotal, 1.0)) : double.NaN;
    }
}
