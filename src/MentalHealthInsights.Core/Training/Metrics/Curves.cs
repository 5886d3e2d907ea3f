namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// ROC and precision–recall curves with one point per distinct score (no points dropped), the
/// same points as scikit-learn's <c>roc_curve(drop_intermediate=False)</c> and
/// <c>precision_recall_curve</c>.
/// </summary>
public static class Curves
{
    /// <summary>
    /// ROC curve in increasing-FPR order: first (0, 0) at threshold +∞, then one point per
    /// distinct score, descending; the last point is (1, 1) at the lowest score.
    /// scikit-learn ≥ 1.3 also uses +∞ for the first threshold (1.2 used max score + 1).
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scores">Any finite scores.</param>
    /// <returns>Points; FPR is NaN throughout when there are no negatives, TPR when there are no positives.</returns>
    public static IReadOnlyList<RocPoint> RocCurve(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores
    )
    {
        InputGuard.LabelsAndScores(labels, scores);
        var groups = ScoreGroups.Build(labels, scores);
        double p = groups.TotalPositives,
            n = groups.TotalNegatives;
        var points = new RocPoint[groups.Count + 1];
        points[0] = new RocPoint(Rate(0, n), Rate(0, p), double.PositiveInfinity);
        long tp = 0,
            fp = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            tp += groups.Positives[g];
            fp += groups.Negatives[g];
            points[g + 1] = new RocPoint(Rate(fp, n), Rate(tp, p), groups.Scores[g]);
        }

        return points;
    }

    /// <summary>
    /// Precision–recall curve in increasing-threshold order (as scikit-learn returns it): one
    /// point per distinct score, ascending, then a final point (precision 1, recall 0) at
    /// threshold +∞, which scikit-learn returns without a threshold.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scores">Any finite scores.</param>
    /// <returns>Points; recall is NaN when there are no positives (scikit-learn sets it to 1 with a warning).</returns>
    public static IReadOnlyList<PrecisionRecallPoint> PrecisionRecallCurve(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores
    )
    {
        InputGuard.LabelsAndScores(labels, scores);
        var groups = ScoreGroups.Build(labels, scores);
        double p = groups.TotalPositives;
        var points = new PrecisionRecallPoint[groups.Count + 1];
        long tp = 0,
            fp = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            tp += groups.Positives[g];
            fp += groups.Negatives[g];
            // Descending scores fill the array from the end so thresholds come out ascending.
            points[groups.Count - 1 - g] = new PrecisionRecallPoint(
                (double)tp / (tp + fp),
                Rate(tp, p),
                groups.Scores[g]
            );
        }

        points[groups.Count] = new PrecisionRecallPoint(1.0, 0.0, double.PositiveInfinity);
        return points;
    }

    private static double Rate(long count, double total) => total == 0 ? double.NaN : count / total;
}
