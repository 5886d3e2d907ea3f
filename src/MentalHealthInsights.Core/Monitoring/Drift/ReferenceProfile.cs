using MathNet.Numerics.Statistics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// The reference's fixed bins for every monitored column (strict profile). Build it once from the
/// training data (e.g. when the model is trained) and keep it as JSON: windows analysed against
/// the same profile get PSI values on the same bins, so they are comparable over time.
/// </summary>
public sealed record ReferenceProfile
{
    /// <summary>Version of this layout.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Reference rows the profile was built from.</summary>
    public required int Rows { get; init; }

    /// <summary>Bins per column (features, then prediction and target columns when present).</summary>
    public required IReadOnlyList<ReferenceColumnBins> Columns { get; init; }

    /// <summary>The bins of <paramref name="column"/>, or null.</summary>
    public ReferenceColumnBins? For(string column) =>
        Columns.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.Ordinal));

    /// <summary>
    /// Builds the profile: numerical columns get edges at the 1/<paramref name="bins"/> …
    /// (bins−1)/<paramref name="bins"/> quantiles of the reference (linear interpolation, duplicates
    /// removed); categorical columns get their reference categories.
    /// </summary>
    public static ReferenceProfile Build(MonitoringDataset reference, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var columns = new List<ReferenceColumnBins>();
        foreach (var column in DriftColumns.All(reference))
        {
            columns.Add(BuildColumn(column, bins));
        }
        return new ReferenceProfile { Rows = reference.Rows, Columns = columns };
    }

    /// <summary>Bins of one column.</summary>
    public static ReferenceColumnBins BuildColumn(MonitoringColumn column, int bins)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Kind == DriftColumnKind.Numerical)
        {
            var sorted = DriftSample.From(column.Numbers).Values;
            var edges = new List<double>();
            if (sorted.Length > 0)
            {
                for (int k = 1; k < bins; k++)
                {
                    double q = SortedArrayStatistics.QuantileCustom(
                        sorted,
                        (double)k / bins,
                        QuantileDefinition.R7
                    );
                    // An edge at the minimum would leave the first bin empty by construction.
                    if (q > sorted[0] && (edges.Count == 0 || q > edges[^1]))
                    {
                        edges.Add(q);
                    }
                }
            }
            var partial = new ReferenceColumnBins
            {
                Column = column.Name,
                Kind = DriftColumnKind.Numerical,
                Edges = edges,
                ReferenceCounts = [],
            };
            return partial with { ReferenceCounts = partial.Count(column) };
        }
        var categories = column
            .Categories!.Where(c => c is not null)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var bins2 = new ReferenceColumnBins
        {
            Column = column.Name,
            Kind = DriftColumnKind.Categorical,
            Categories = categories!,
            ReferenceCounts = [],
        };
        return bins2 with { ReferenceCounts = bins2.Count(column) };
    }
}
