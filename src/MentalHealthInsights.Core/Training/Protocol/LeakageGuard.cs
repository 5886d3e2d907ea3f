using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Scores every feature column alone by cross-validation on the training part: a numeric column's
/// raw value is the score (missing → the fold-training median) and the AUC is oriented,
/// max(a, 1 − a); a categorical column's score is its level's target rate on the fold's training
/// rows (missing is a level of its own; a level unseen there gets the fold's overall rate). The AUC
/// is the mean over the validation folds. A column at or above the threshold is suspected leakage.
/// </summary>
public static class LeakageGuard
{
    private const string MissingLevel = "\0missing";

    /// <summary>Checks every feature column of <paramref name="spec"/>.</summary>
    /// <param name="records">All records.</param>
    /// <param name="trainRows">The training part (record indices); the test part is not looked at.</param>
    /// <param name="foldOfRow">The fold of each training-part position (StratifiedSplit.KFold on the training labels).</param>
    /// <param name="spec">The feature columns.</param>
    /// <param name="aucThreshold">Suspected from this AUC on.</param>
    /// <param name="overridden">Whether the caller continues despite suspected leakage (recorded only).</param>
    public static LeakageCheck Check(
        IReadOnlyList<MentalHealthRecord> records,
        ReadOnlySpan<int> trainRows,
        ReadOnlySpan<int> foldOfRow,
        FeatureSpec spec,
        double aucThreshold,
        bool overridden
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(spec);
        if (trainRows.Length != foldOfRow.Length)
        {
            throw new ArgumentException(
                "trainRows and foldOfRow differ in length.",
                nameof(foldOfRow)
            );
        }

        var rows = trainRows.ToArray();
        var folds = foldOfRow.ToArray();
        var foldCount = folds.Length == 0 ? 0 : folds.Max() + 1;
        var results = new List<LeakageColumnResult>(spec.Features.Count);
        foreach (var column in spec.Features)
        {
            var kind = FeatureColumns.GetKind(column);
            var aucs = new List<double>(foldCount);
            for (var f = 0; f < foldCount; f++)
            {
                var auc =
                    kind == FeatureKind.Numeric
                        ? NumericFoldAuc(records, rows, folds, f, column)
                        : CategoricalFoldAuc(records, rows, folds, f, column);
                if (!double.IsNaN(auc))
                {
                    aucs.Add(auc);
                }
            }

            var mean = aucs.Count == 0 ? double.NaN : aucs.Average();
            if (kind == FeatureKind.Numeric)
            {
                mean = Math.Max(mean, 1 - mean);
            }

            results.Add(
                new LeakageColumnResult(
                    column,
                    kind == FeatureKind.Numeric ? "numeric" : "categorical",
                    mean,
                    mean >= aucThreshold
                )
            );
        }

        var suspected = results
            .Where(r => r.Suspected)
            .OrderByDescending(r => r.CrossValidatedAuc)
            .ToArray();
        return new LeakageCheck
        {
            AucThreshold = aucThreshold,
            Columns = results,
            SuspectedColumns = [.. suspected.Select(r => r.Column)],
            Overridden = overridden,
            Message = suspected.Length == 0 ? null : Message(suspected, aucThreshold),
        };
    }

    private static string Message(LeakageColumnResult[] suspected, double threshold) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Suspected target leakage: {string.Join(", ", suspected.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Column} (cross-validated ROC AUC {s.CrossValidatedAuc:0.000})")))} "
                + $"alone reach{(suspected.Length == 1 ? "es" : "")} the threshold {threshold:0.###}. A single column that almost determines the target is more likely a copy of it or an outcome recorded after it than a real predictor."
        );

    private static double NumericFoldAuc(
        IReadOnlyList<MentalHealthRecord> records,
        int[] rows,
        int[] folds,
        int fold,
        string column
    )
    {
        var read = FeatureColumns.GetNumericReader(column);
        var present = new List<double>();
        for (var i = 0; i < rows.Length; i++)
        {
            var x = read(records[rows[i]]);
            if (folds[i] != fold && double.IsFinite(x))
            {
                present.Add(x);
            }
        }

        present.Sort();
        var median =
            present.Count == 0 ? 0
            : present.Count % 2 == 1 ? present[present.Count / 2]
            : (present[(present.Count / 2) - 1] + present[present.Count / 2]) / 2;
        var labels = new List<bool>();
        var scores = new List<double>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (folds[i] != fold)
            {
                continue;
            }

            var x = read(records[rows[i]]);
            labels.Add(records[rows[i]].HasCondition);
            scores.Add(double.IsFinite(x) ? x : median);
        }

        return BinaryMetrics.RocAuc(labels.ToArray(), scores.ToArray());
    }

    private static double CategoricalFoldAuc(
        IReadOnlyList<MentalHealthRecord> records,
        int[] rows,
        int[] folds,
        int fold,
        string column
    )
    {
        var read = FeatureColumns.GetCategoricalReader(column);
        var counts = new Dictionary<string, (int Positives, int Rows)>(StringComparer.Ordinal);
        int positives = 0,
            total = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (folds[i] == fold)
            {
                continue;
            }

            var record = records[rows[i]];
            var level = read(record) ?? MissingLevel;
            var (p, n) = counts.GetValueOrDefault(level);
            var positive = record.HasCondition ? 1 : 0;
            counts[level] = (p + positive, n + 1);
            positives += positive;
            total++;
        }

        var overall = total == 0 ? 0.5 : (double)positives / total;
        var labels = new List<bool>();
        var scores = new List<double>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (folds[i] != fold)
            {
                continue;
            }

            var record = records[rows[i]];
            var level = read(record) ?? MissingLevel;
            labels.Add(record.HasCondition);
            scores.Add(
                counts.TryGetValue(level, out var c) ? (double)c.Positives / c.Rows : overall
            );
        }

        return BinaryMetrics.RocAuc(labels.ToArray(), scores.ToArray());
    }
}
