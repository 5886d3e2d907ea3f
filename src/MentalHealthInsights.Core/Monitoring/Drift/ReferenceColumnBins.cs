namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Fixed bins of one column, decided once on the reference (strict profile). Numerical: interior
/// edges at reference quantiles; bins are (−∞, e₁), [e₁, e₂), …, [e_k, +∞), so every current value
/// falls in a bin and the bins never move with the current batch. Categorical: the reference
/// categories in ordinal order plus a last "unseen" bin for categories new in current.
/// </summary>
public sealed record ReferenceColumnBins
{
    /// <summary>Label of the bin collecting categories unseen in the reference.</summary>
    public const string UnseenCategory = "(unseen)";

    /// <summary>Column name.</summary>
    public required string Column { get; init; }

    /// <summary>Numerical or categorical.</summary>
    public required DriftColumnKind Kind { get; init; }

    /// <summary>Interior edges (numerical); empty for categorical.</summary>
    public IReadOnlyList<double> Edges { get; init; } = [];

    /// <summary>Reference categories (categorical), without the unseen bin.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Reference count per bin (edges.Count + 1 bins, or categories + unseen).</summary>
    public required IReadOnlyList<long> ReferenceCounts { get; init; }

    /// <summary>Number of bins.</summary>
    public int BinCount =>
        Kind == DriftColumnKind.Numerical ? Edges.Count + 1 : Categories.Count + 1;

    /// <summary>Human-readable bin labels.</summary>
    public IReadOnlyList<string> Labels()
    {
        if (Kind == DriftColumnKind.Categorical)
        {
            return [.. Categories, UnseenCategory];
        }
        var labels = new List<string>(Edges.Count + 1);
        string previous = "−∞";
        foreach (double edge in Edges)
        {
            string e = edge.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
            labels.Add($"[{previous}, {e})");
            previous = e;
        }
        labels.Add($"[{previous}, +∞)");
        return labels;
    }

    /// <summary>Counts of <paramref name="column"/>'s non-missing values in these bins.</summary>
    public long[] Count(MonitoringColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var counts = new long[BinCount];
        if (Kind == DriftColumnKind.Numerical)
        {
            var edges = Edges as double[] ?? [.. Edges];
            foreach (double v in column.Numbers!)
            {
                if (double.IsFinite(v))
                {
                    counts[DriftBinning.UpperBound(edges, v)]++;
                }
            }
            return counts;
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Categories.Count; i++)
        {
            index[Categories[i]] = i;
        }
        foreach (var v in column.Categories!)
        {
            if (v is not null)
            {
                counts[index.TryGetValue(v, out int i) ? i : Categories.Count]++;
            }
        }
        return counts;
    }
}
