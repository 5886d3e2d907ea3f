using System.Globalization;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Monitoring.Fairness;

/// <summary>
/// Group fairness of the model's labels (Fairlearn's MetricFrame with the between-groups
/// aggregation, one attribute at a time). A screening aid's errors should not fall unevenly on
/// groups; small groups are listed but not compared, so noise is not read as unfairness.
/// </summary>
public static class FairnessAnalyzer
{
    /// <summary>Label of rows whose attribute is missing.</summary>
    public const string MissingGroup = "(missing)";

    /// <summary>Analyses the rows of <paramref name="data"/> (all rows when <paramref name="rows"/> is null).</summary>
    /// <returns>Null when the dataset has no model labels.</returns>
    public static FairnessResult? Analyze(
        MonitoringDataset data,
        FairnessOptions options,
        IReadOnlyList<int>? rows = null,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Labels is null)
        {
            return null;
        }
        rows ??= [.. Enumerable.Range(0, data.Rows)];
        var attributes = new List<FairnessAttributeResult>();
        foreach (var attribute in options.Attributes)
        {
            var groupOf = GroupValues(data, attribute, options);
            if (groupOf is null)
            {
                continue;
            }
            var groups = rows.GroupBy(i => groupOf[i] ?? MissingGroup, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Group(g.Key, [.. g], data, options.MinimumGroupSize))
                .ToArray();
            attributes.Add(Aggregate(attribute, groups, data.Outcomes is not null));
        }
        return new FairnessResult(start, end, rows.Count, attributes);
    }

    /// <summary>Fairlearn's aggregates over the groups that are not small.</summary>
    public static FairnessAttributeResult Aggregate(
        string attribute,
        IReadOnlyList<FairnessGroup> groups,
        bool hasOutcomes
    )
    {
        ArgumentNullException.ThrowIfNull(groups);
        var compared = groups.Where(g => !g.Small).ToArray();
        var labelled = compared.Where(g => g.LabelledRows > 0).ToArray();
        double dpd = Difference(compared.Select(g => g.SelectionRate));
        double dpr = Ratio(compared.Select(g => g.SelectionRate));
        double eod = double.NaN;
        double eor = double.NaN;
        if (hasOutcomes && labelled.Length >= 2)
        {
            eod = WorstOfMax(
                Difference(labelled.Select(g => g.TruePositiveRate)),
                Difference(labelled.Select(g => g.FalsePositiveRate))
            );
            eor = WorstOfMin(
                Ratio(labelled.Select(g => g.TruePositiveRate)),
                Ratio(labelled.Select(g => g.FalsePositiveRate))
            );
        }
        return new FairnessAttributeResult(attribute, groups, dpd, dpr, eod, eor);
    }

    private static FairnessGroup Group(string name, int[] rows, MonitoringDataset data, int minimum)
    {
        int selected = 0;
        long tp = 0,
            fp = 0,
            tn = 0,
            fn = 0;
        foreach (int i in rows)
        {
            bool label = data.Labels![i];
            selected += label ? 1 : 0;
            if (data.Outcomes?[i] is { } outcome)
            {
                if (outcome && label)
                {
                    tp++;
                }
                else if (outcome)
                {
                    fn++;
                }
                else if (label)
                {
                    fp++;
                }
                else
                {
                    tn++;
                }
            }
        }
        long labelled = tp + fp + tn + fn;
        bool any = labelled > 0;
        double tpr =
            !any ? double.NaN
            : tp + fn == 0 ? 0
            : (double)tp / (tp + fn);
        double fpr =
            !any ? double.NaN
            : fp + tn == 0 ? 0
            : (double)fp / (fp + tn);
        double f1 =
            !any ? double.NaN
            : tp + fp + fn == 0 ? 0
            : 2.0 * tp / (2.0 * tp + fp + fn);
        return new FairnessGroup(
            name,
            rows.Length,
            (int)labelled,
            (int)(tp + fn),
            rows.Length == 0 ? double.NaN : (double)selected / rows.Length,
            tpr,
            fpr,
            f1,
            rows.Length < minimum
        );
    }

    private static double Difference(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToArray();
        return v.Length < 2 ? double.NaN : v.Max() - v.Min();
    }

    private static double Ratio(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToArray();
        if (v.Length < 2)
        {
            return double.NaN;
        }
        double max = v.Max();
        return max == 0 ? double.NaN : v.Min() / max;
    }

    // NaN propagates: a worst case with an unknown component is unknown.
    private static double WorstOfMax(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);

    private static double WorstOfMin(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b);

    private static string?[]? GroupValues(
        MonitoringDataset data,
        string attribute,
        FairnessOptions options
    )
    {
        if (string.Equals(attribute, FairnessOptions.AgeBand, StringComparison.Ordinal))
        {
            var age = data.Feature(DatasetSchema.Age)?.Numbers;
            return age
                ?.Select(a => double.IsFinite(a) ? Band(a, options.AgeBandEdges) : null)
                .ToArray();
        }
        var column = data.Feature(attribute);
        if (column is null)
        {
            return null;
        }
        return column.Categories
            ?? column
                .Numbers!.Select(v =>
                    double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null
                )
                .ToArray();
    }

    /// <summary>The band label of <paramref name="age"/>: "&lt;25", "25-34", …, "65+" for the default edges.</summary>
    public static string Band(double age, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count == 0 || age < edges[0])
        {
            return edges.Count == 0
                ? "all"
                : string.Create(CultureInfo.InvariantCulture, $"<{edges[0]}");
        }
        for (int k = 1; k < edges.Count; k++)
        {
            if (age < edges[k])
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{edges[k - 1]}-{edges[k] - 1}"
                );
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{edges[^1]}+");
    }
}
