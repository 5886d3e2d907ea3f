using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// Summarises a model's per-row explanations (<see cref="IBinaryModel.Explain"/>, log-odds) by
/// original column: each row's slot contributions are summed per column, then the mean absolute
/// contribution and a signed direction are computed. Numeric columns: the sign of the Pearson
/// correlation between the column's value and its contribution. Ordinal columns (Stress_Level):
/// the mean contribution of the highest level against the lowest (High vs Low). Nominal columns:
/// the level with the highest mean contribution against the one with the lowest.
/// </summary>
public static class ColumnContributions
{
    /// <summary>At most this many rows are explained by default (the first rows of the data), to bound the cost.</summary>
    public const int DefaultMaxRows = 5000;

    /// <summary>Summarises the explanations of the first <paramref name="maxRows"/> rows of <paramref name="data"/>.</summary>
    /// <param name="model">The raw model (explanations are in its margin units).</param>
    /// <param name="data">Rows transformed by <paramref name="preprocessor"/>.</param>
    /// <param name="preprocessor">Defines which slots belong to which column.</param>
    /// <param name="maxRows">Rows to explain, at least 1 (default <see cref="DefaultMaxRows"/>).</param>
    /// <param name="cancellationToken">Checked every 256 rows.</param>
    public static ContributionSummary Summarise(
        IBinaryModel model,
        FeatureMatrix data,
        FittedPreprocessor preprocessor,
        int maxRows = DefaultMaxRows,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var layout = ColumnLayout.Of(preprocessor);
        var rows = Math.Min(data.Rows, maxRows);
        var columns = layout.Columns.Length;
        // contributions[c][i]: column c's summed contribution on row i.
        var contributions = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            contributions[c] = new double[rows];
        }

        var method = "none";
        for (var i = 0; i < rows; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var explanation = model.Explain(data.Row(i));
            method = explanation.Method;
            for (var c = 0; c < columns; c++)
            {
                var column = layout.Columns[c];
                var sum = 0.0;
                for (var k = 0; k < column.Width; k++)
                {
                    sum += explanation.Values[column.Offset + k];
                }

                contributions[c][i] = sum;
            }
        }

        var results = new ColumnContribution[columns];
        for (var c = 0; c < columns; c++)
        {
            var column = layout.Columns[c];
            results[c] =
                column.Kind == FeatureKind.Numeric
                    ? Numeric(column, data, contributions[c])
                    : Categorical(column, data, contributions[c]);
        }

        return new ContributionSummary(
            method,
            rows,
            [.. results.OrderByDescending(r => r.MeanAbsoluteContribution)]
        );
    }

    private static ColumnContribution Numeric(
        ColumnSlots column,
        FeatureMatrix data,
        double[] contributions
    )
    {
        var values = new double[contributions.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = data.Row(i)[column.Offset];
        }

        var correlation = Pearson(values, contributions);
        var direction =
            correlation > 0 ? EffectDirection.HigherRisk
            : correlation < 0 ? EffectDirection.LowerRisk
            : EffectDirection.None;
        return new ColumnContribution
        {
            Column = column.Name,
            MeanAbsoluteContribution = MeanAbsolute(contributions),
            Direction = direction,
            Correlation = correlation,
            DirectionText = DirectionWords.Numeric(column.Name, direction),
        };
    }

    private static ColumnContribution Categorical(
        ColumnSlots column,
        FeatureMatrix data,
        double[] contributions
    )
    {
        var sums = new double[column.Width];
        var counts = new int[column.Width];
        for (var i = 0; i < contributions.Length; i++)
        {
            var level = column.LevelOf(data.Row(i));
            sums[level] += contributions[i];
            counts[level]++;
        }

        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < column.Width; k++)
        {
            if (counts[k] > 0)
            {
                means.Add(column.Levels[k], sums[k] / counts[k]);
            }
        }

        var (higher, lower, direction) = column.Order is { } order
            ? CompareOrdinal(means, order)
            : CompareNominal(means);
        return new ColumnContribution
        {
            Column = column.Name,
            MeanAbsoluteContribution = MeanAbsolute(contributions),
            Direction = direction,
            LevelMeans = means,
            HigherLevel = higher,
            LowerLevel = lower,
            DirectionText = column.Order is null
                ? DirectionWords.Nominal(column.Name, higher, direction)
                : DirectionWords.Ordinal(column.Name, direction),
        };
    }

    /// <summary>The highest present level against the lowest present level of the order.</summary>
    private static (string? Higher, string? Lower, EffectDirection Direction) CompareOrdinal(
        Dictionary<string, double> means,
        IReadOnlyList<string> order
    )
    {
        var present = order.Where(means.ContainsKey).ToArray();
        if (present.Length < 2)
        {
            return (null, null, EffectDirection.None);
        }

        var top = present[^1];
        var bottom = present[0];
        var difference = means[top] - means[bottom];
        return difference > 0 ? (top, bottom, EffectDirection.HigherRisk)
            : difference < 0 ? (bottom, top, EffectDirection.LowerRisk)
            : (null, null, EffectDirection.None);
    }

    /// <summary>The level with the highest mean against the lowest (known levels only when two or more are present).</summary>
    private static (string? Higher, string? Lower, EffectDirection Direction) CompareNominal(
        Dictionary<string, double> means
    )
    {
        var candidates = means.Where(p => p.Key != FittedPreprocessor.UnknownLevel).ToArray();
        if (candidates.Length < 2)
        {
            candidates = [.. means];
        }

        if (candidates.Length < 2)
        {
            return (null, null, EffectDirection.None);
        }

        // Stable ordering: on equal means the earlier (ordinal) level wins.
        var highest = candidates.OrderByDescending(p => p.Value).First();
        var lowest = candidates.OrderBy(p => p.Value).First();
        return highest.Value > lowest.Value
            ? (highest.Key, lowest.Key, EffectDirection.HigherRisk)
            : (null, null, EffectDirection.None);
    }

    private static double MeanAbsolute(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Abs(v);
        }

        return values.Length == 0 ? 0 : sum / values.Length;
    }

    /// <summary>Pearson correlation; 0 when either side has no variation (no direction to read).</summary>
    internal static double Pearson(double[] x, double[] y)
    {
        var n = x.Length;
        if (n < 2)
        {
            return 0;
        }

        double mx = x.Average(),
            my = y.Average();
        double sxy = 0,
            sxx = 0,
            syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
