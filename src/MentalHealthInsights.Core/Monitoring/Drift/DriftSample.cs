namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// One cleaned, sorted sample of a column as every drift test reads it. Cleaning follows the
/// monitoring spec §1.2 (always, not Evidently's legacy "only if a NaN exists" quirk): NaN and
/// ±∞ are dropped and counted in <see cref="Dropped"/>. Categorical columns are passed as
/// category codes (0, 1, 2, …) that are consistent between the reference and the current sample;
/// tests that need distinct values use the sorted order, so no dictionary is built per test.
/// </summary>
public sealed class DriftSample
{
    private DriftSample(double[] sorted, int dropped)
    {
        Values = sorted;
        Dropped = dropped;
    }

    /// <summary>The cleaned values in ascending order.</summary>
    public double[] Values { get; }

    /// <summary>Number of cleaned values.</summary>
    public int Count => Values.Length;

    /// <summary>Values removed by cleaning (NaN or infinite).</summary>
    public int Dropped { get; }

    /// <summary>Cleans and sorts a copy of <paramref name="values"/>.</summary>
    public static DriftSample From(ReadOnlySpan<double> values)
    {
        var kept = new double[values.Length];
        int n = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                kept[n++] = v;
            }
        }
        if (n != kept.Length)
        {
            Array.Resize(ref kept, n);
        }
        Array.Sort(kept);
        return new DriftSample(kept, values.Length - n);
    }

    /// <summary>Wraps values that are already finite and sorted (no copy, not re-checked).</summary>
    public static DriftSample FromSorted(double[] sortedFinite, int dropped = 0) =>
        new(sortedFinite, dropped);

    /// <summary>Distinct values with their counts (a sorted walk; no hashing).</summary>
    public (double[] Values, long[] Counts) Distinct()
    {
        var values = new List<double>();
        var counts = new List<long>();
        var data = Values;
        int i = 0;
        while (i < data.Length)
        {
            double v = data[i];
            int j = i + 1;
            while (j < data.Length && data[j] == v)
            {
                j++;
            }
            values.Add(v);
            counts.Add(j - i);
            i = j;
        }
        return (values.ToArray(), counts.ToArray());
    }

    /// <summary>Arithmetic mean (NaN when empty).</summary>
    public double Mean()
    {
        if (Values.Length == 0)
        {
            return double.NaN;
        }
        double sum = 0;
        foreach (double v in Values)
        {
            sum += v;
        }
        return sum / Values.Length;
    }

    /// <summary>Population standard deviation (ddof = 0), two-pass as numpy computes it.</summary>
    public double PopulationStandardDeviation()
    {
        double mean = Mean();
        double sum = 0;
        foreach (double v in Values)
        {
            double d = v - mean;
            sum += d * d;
        }
        return Math.Sqrt(sum / Values.Length);
    }
}
