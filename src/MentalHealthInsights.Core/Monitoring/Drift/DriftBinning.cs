namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Evidently's <c>get_binned_data</c> (spec §1.5): shares per bin for PSI, KL and Jensen–Shannon.
/// Numerical columns with more than 20 distinct reference values use numpy's Sturges edges on
/// reference+current; everything else uses one bin per distinct value of the union.
/// </summary>
public static class DriftBinning
{
    /// <summary>Numerical columns with more distinct reference values than this are histogrammed.</summary>
    public const int DistinctValueBinningLimit = 20;

    /// <summary>Reference and current shares over the same bins (not renormalised).</summary>
    public static (double[] Reference, double[] Current) Shares(
        DriftSample reference,
        DriftSample current,
        DriftColumnKind kind,
        bool replaceZeroes
    )
    {
        double[] r;
        double[] c;
        if (
            kind == DriftColumnKind.Numerical
            && CountDistinct(reference.Values) > DistinctValueBinningLimit
        )
        {
            var edges = SturgesEdges(reference.Values, current.Values, distinctOnly: false);
            r = Histogram(reference.Values, edges);
            c = Histogram(current.Values, edges);
        }
        else
        {
            (r, c) = DistinctValueCounts(reference.Values, current.Values);
        }
        Divide(r, reference.Count);
        Divide(c, current.Count);
        if (replaceZeroes)
        {
            ReplaceZeroes(r);
            ReplaceZeroes(c);
        }
        return (r, c);
    }

    /// <summary>
    /// numpy's <c>histogram_bin_edges(concat, "sturges")</c>: width = ptp/(log2 N + 1),
    /// nbins = ceil(ptp/width), edges = linspace(min, max, nbins+1); min == max widens by ±0.5.
    /// With <paramref name="distinctOnly"/> N and the range come from the distinct values (Hellinger).
    /// </summary>
    public static double[] SturgesEdges(
        ReadOnlySpan<double> sorted1,
        ReadOnlySpan<double> sorted2,
        bool distinctOnly
    )
    {
        double first = Math.Min(sorted1[0], sorted2[0]);
        double last = Math.Max(sorted1[^1], sorted2[^1]);
        long size = distinctOnly
            ? CountDistinctUnion(sorted1, sorted2)
            : sorted1.Length + sorted2.Length;
        double ptp = last - first;
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }
        double width = ptp / (Math.Log2(size) + 1.0);
        int nbins = width != 0 ? (int)Math.Ceiling((last - first) / width) : 1;
        var edges = new double[nbins + 1];
        double step = (last - first) / nbins;
        for (int i = 0; i < nbins; i++)
        {
            edges[i] = i * step + first;
        }
        edges[nbins] = last;
        return edges;
    }

    /// <summary>
    /// <c>np.histogram(sorted, edges)</c> counts: bins [a, b) except the last, which is closed;
    /// values outside the edges are not counted.
    /// </summary>
    public static double[] Histogram(ReadOnlySpan<double> sorted, ReadOnlySpan<double> edges)
    {
        int bins = edges.Length - 1;
        var counts = new double[bins];
        int i = LowerBound(sorted, edges[0]);
        for (int b = 0; b < bins; b++)
        {
            int end =
                b == bins - 1 ? UpperBound(sorted, edges[bins]) : LowerBound(sorted, edges[b + 1]);
            if (end > i)
            {
                counts[b] = end - i;
                i = end;
            }
        }
        return counts;
    }

    /// <summary>Counts of each distinct value of the union of two sorted samples, in ascending order.</summary>
    public static (double[] Reference, double[] Current) DistinctValueCounts(
        ReadOnlySpan<double> sorted1,
        ReadOnlySpan<double> sorted2
    )
    {
        var r = new List<double>();
        var c = new List<double>();
        int i = 0;
        int j = 0;
        while (i < sorted1.Length || j < sorted2.Length)
        {
            double x =
                i < sorted1.Length && (j >= sorted2.Length || sorted1[i] <= sorted2[j])
                    ? sorted1[i]
                    : sorted2[j];
            int i0 = i;
            int j0 = j;
            while (i < sorted1.Length && sorted1[i] == x)
            {
                i++;
            }
            while (j < sorted2.Length && sorted2[j] == x)
            {
                j++;
            }
            r.Add(i - i0);
            c.Add(j - j0);
        }
        return (r.ToArray(), c.ToArray());
    }

    /// <summary>
    /// Evidently's zero replacement: every zero share becomes m/10⁶ when the smallest non-zero
    /// share m is ≤ 1e-4, else 1e-4. No renormalisation afterwards.
    /// </summary>
    public static void ReplaceZeroes(Span<double> shares)
    {
        double min = double.PositiveInfinity;
        foreach (double s in shares)
        {
            if (s != 0 && s < min)
            {
                min = s;
            }
        }
        if (double.IsPositiveInfinity(min))
        {
            return;
        }
        double replacement = min <= 0.0001 ? min / 1e6 : 0.0001;
        for (int k = 0; k < shares.Length; k++)
        {
            if (shares[k] == 0)
            {
                shares[k] = replacement;
            }
        }
    }

    /// <summary>Number of distinct values in a sorted sample.</summary>
    public static int CountDistinct(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return 0;
        }
        int count = 1;
        for (int k = 1; k < sorted.Length; k++)
        {
            if (sorted[k] != sorted[k - 1])
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Number of distinct values in the union of two sorted samples.</summary>
    public static int CountDistinctUnion(
        ReadOnlySpan<double> sorted1,
        ReadOnlySpan<double> sorted2
    ) => DistinctValueCounts(sorted1, sorted2).Reference.Length;

    /// <summary>First index whose value is ≥ <paramref name="x"/>.</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>First index whose value is &gt; <paramref name="x"/>.</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static void Divide(Span<double> values, double n)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] /= n;
        }
    }
}
