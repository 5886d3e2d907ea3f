using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>
/// Builds the ranked "key indicators" table of one model: columns ordered by permutation
/// importance (mean AUC drop, descending; ties by mean |contribution|, then feature order), each
/// with the direction read from its contributions.
/// </summary>
public static class KeyIndicatorTable
{
    /// <summary>Joins importances and contributions by column.</summary>
    /// <param name="importances">Permutation importance per column.</param>
    /// <param name="contributions">Contribution summary per column (same columns).</param>
    public static IReadOnlyList<KeyIndicator> Build(
        IReadOnlyList<ColumnImportance> importances,
        IReadOnlyList<ColumnContribution> contributions
    )
    {
        ArgumentNullException.ThrowIfNull(importances);
        ArgumentNullException.ThrowIfNull(contributions);
        var byColumn = contributions.ToDictionary(c => c.Column, StringComparer.Ordinal);
        var ranked = importances
            .Select(
                (importance, position) =>
                    (
                        Importance: importance,
                        Contribution: byColumn.TryGetValue(importance.Column, out var c) ? c : null,
                        Position: position
                    )
            )
            .OrderByDescending(x =>
                double.IsNaN(x.Importance.Mean) ? double.MinValue : x.Importance.Mean
            )
            .ThenByDescending(x => x.Contribution?.MeanAbsoluteContribution ?? 0)
            .ThenBy(x => x.Position)
            .ToArray();
        var table = new KeyIndicator[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            var (importance, contribution, _) = ranked[i];
            table[i] = new KeyIndicator
            {
                Rank = i + 1,
                Column = importance.Column,
                Importance = importance.Mean,
                ImportanceStandardDeviation = importance.StandardDeviation,
                MeanAbsoluteContribution = contribution?.MeanAbsoluteContribution ?? double.NaN,
                Direction = contribution?.Direction ?? EffectDirection.None,
                DirectionText =
                    contribution?.DirectionText ?? $"{importance.Column}: no consistent direction",
            };
        }

        return table;
    }
}
