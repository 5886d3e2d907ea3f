using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// A reference/current column pair cleaned and sorted once. Categories are coded by their
/// ordinal order over the union of both samples, so "first key" in the z-test is the
/// ordinally smallest category, as Evidently's sorted keys.
/// </summary>
internal sealed class PreparedColumn
{
    private PreparedColumn(
        DriftSample reference,
        DriftSample current,
        string[]? categories,
        IReadOnlyList<string> newCategories
    )
    {
        Reference = reference;
        Current = current;
        CategoryNames = categories;
        NewCategories = newCategories;
    }

    public DriftSample Reference { get; }

    public DriftSample Current { get; }

    /// <summary>Category name per code (categorical only).</summary>
    public string[]? CategoryNames { get; }

    public IReadOnlyList<string> NewCategories { get; }

    public static PreparedColumn Create(
        MonitoringColumn reference,
        MonitoringColumn current,
        ReferenceSampleCache? cache = null
    )
    {
        if (reference.Kind == DriftColumnKind.Numerical)
        {
            return new PreparedColumn(
                cache?.Numeric(reference) ?? DriftSample.From(reference.Numbers),
                DriftSample.From(current.Numbers),
                null,
                []
            );
        }
        var referenceSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in reference.Categories!)
        {
            if (v is not null)
            {
                referenceSet.Add(v);
            }
        }
        var union = new HashSet<string>(referenceSet, StringComparer.Ordinal);
        foreach (var v in current.Categories!)
        {
            if (v is not null)
            {
                union.Add(v);
            }
        }
        var names = union.Order(StringComparer.Ordinal).ToArray();
        var codes = new Dictionary<string, double>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            codes[names[i]] = i;
        }
        var newCategories = names.Where(n => !referenceSet.Contains(n)).ToArray();
        return new PreparedColumn(
            Encode(reference.Categories!, codes),
            Encode(current.Categories!, codes),
            names,
            newCategories
        );
    }

    private static DriftSample Encode(string?[] values, Dictionary<string, double> codes)
    {
        var encoded = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            encoded[i] = values[i] is { } v ? codes[v] : double.NaN;
        }
        return DriftSample.From(encoded);
    }

    /// <summary>Equal-width shares (numerical) or the largest categories' shares (categorical).</summary>
    public ColumnDistribution? Distribution(int bins, int maxCategories)
    {
        var r = Reference.Values;
        var c = Current.Values;
        if (r.Length == 0 && c.Length == 0)
        {
            return null;
        }
        if (CategoryNames is null)
        {
            double min = Math.Min(
                r.Length > 0 ? r[0] : double.MaxValue,
                c.Length > 0 ? c[0] : double.MaxValue
            );
            double max = Math.Max(
                r.Length > 0 ? r[^1] : double.MinValue,
                c.Length > 0 ? c[^1] : double.MinValue
            );
            int count = min == max ? 1 : bins;
            var edges = new double[count + 1];
            for (int k = 0; k <= count; k++)
            {
                edges[k] = count == 1 ? (k == 0 ? min : max) : min + (max - min) * k / count;
            }
            var labels = new string[count];
            for (int k = 0; k < count; k++)
            {
                labels[k] = string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{edges[k]:G4}, {edges[k + 1]:G4}{(k == count - 1 ? "]" : ")")}"
                );
            }
            return new ColumnDistribution(
                labels,
                Shares(DriftBinning.Histogram(r, edges), r.Length),
                Shares(DriftBinning.Histogram(c, edges), c.Length)
            );
        }
        var (rc, cc) = DriftBinning.DistinctValueCounts(r, c);
        // Codes present in neither sample do not appear in the counts: map back through the values.
        var present = new List<int>();
        int i = 0;
        int j = 0;
        while (i < r.Length || j < c.Length)
        {
            double x = i < r.Length && (j >= c.Length || r[i] <= c[j]) ? r[i] : c[j];
            present.Add((int)x);
            while (i < r.Length && r[i] == x)
            {
                i++;
            }
            while (j < c.Length && c[j] == x)
            {
                j++;
            }
        }
        var order = Enumerable
            .Range(0, present.Count)
            .OrderByDescending(k => rc[k] + cc[k])
            .ThenBy(k => CategoryNames[present[k]], StringComparer.Ordinal)
            .Take(maxCategories)
            .ToArray();
        return new ColumnDistribution(
            [.. order.Select(k => CategoryNames[present[k]])],
            [.. order.Select(k => r.Length == 0 ? 0 : rc[k] / r.Length)],
            [.. order.Select(k => c.Length == 0 ? 0 : cc[k] / c.Length)]
        );
    }

    private static double[] Shares(double[] counts, int n)
    {
        for (int k = 0; k < counts.Length; k++)
        {
            counts[k] = n == 0 ? 0 : counts[k] / n;
        }
        return counts;
    }
}
