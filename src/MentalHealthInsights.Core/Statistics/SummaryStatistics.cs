namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// Summary statistics of one numeric sample, as <c>pandas.Series.describe()</c> reports them:
/// sample standard deviation (n − 1 denominator) and quartiles by linear interpolation between
/// order statistics (numpy's default <c>percentile</c> method). NaN values are counted in
/// <see cref="Missing"/> and excluded; every statistic is NaN for an empty sample, and the
/// standard deviation is NaN for a single value.
/// </summary>
public sealed record SummaryStatistics
{
    /// <summary>Values used (non-NaN).</summary>
    public required long Count { get; init; }

    /// <summary>NaN values excluded.</summary>
    public required long Missing { get; init; }

    /// <summary>Arithmetic mean.</summary>
    public required double Mean { get; init; }

    /// <summary>Sample standard deviation (denominator n − 1).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Smallest value.</summary>
    public required double Min { get; init; }

    /// <summary>25th percentile.</summary>
    public required double Q1 { get; init; }

    /// <summary>50th percentile.</summary>
    public required double Median { get; init; }

    /// <summary>75th percentile.</summary>
    public required double Q3 { get; init; }

    /// <summary>Largest value.</summary>
    public required double Max { get; init; }

    /// <summary>Computes the statistics of <paramref name="values"/>.</summary>
    public static SummaryStatistics Compute(ReadOnlySpan<double> values)
    {
        var sorted = new double[values.Length];
        int n = 0;
        double sum = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sorted[n++] = v;
                sum += v;
            }
        }

        long missing = values.Length - n;
        if (n == 0)
        {
            return new SummaryStatistics
            {
                Count = 0,
                Missing = missing,
                Mean = double.NaN,
                StandardDeviation = double.NaN,
                Min = double.NaN,
                Q1 = double.NaN,
                Median = double.NaN,
                Q3 = double.NaN,
                Max = double.NaN,
            };
        }

        var span = sorted.AsSpan(0, n);
        span.Sort();
        double mean = sum / n;
        double squares = 0;
        foreach (double v in span)
        {
            squares += (v - mean) * (v - mean);
        }

        return new SummaryStatistics
        {
            Count = n,
            Missing = missing,
            Mean = mean,
            StandardDeviation = n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN,
            Min = span[0],
            Q1 = Quantile(span, 0.25),
            Median = Quantile(span, 0.5),
            Q3 = Quantile(span, 0.75),
            Max = span[n - 1],
        };
    }

    /// <summary>Linear interpolation at position (n − 1)·q of sorted, non-empty data (numpy's 'linear').</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        double position = (sorted.Length - 1) * q;
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        double fraction = position - lower;
        double a = sorted[lower];
        double b = sorted[upper];

        // numpy interpolates from the nearer end, which keeps the result monotone in q.
        return fraction >= 0.5 ? b - ((b - a) * (1 - fraction)) : a + ((b - a) * fraction);
    }
}
