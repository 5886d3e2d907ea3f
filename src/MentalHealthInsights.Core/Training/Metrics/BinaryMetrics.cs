namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Threshold-free binary classification metrics. Labels are <c>true</c> for the positive class.
/// Inputs are validated once here: same non-zero length, scores finite, probabilities in [0, 1];
/// violations throw <see cref="ArgumentException"/> whose message names an index, never a value.
/// </summary>
public static class BinaryMetrics
{
    /// <summary>Lower clip of probabilities in <see cref="LogLoss"/> (upper clip is 1 − this).</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Area under the ROC curve, equal to the Mann–Whitney U statistic / (P·N) with tied scores
    /// counted as one half (midranks) — the same value as scikit-learn's <c>roc_auc_score</c>.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scores">Any finite scores (probabilities, margins); higher means more positive.</param>
    /// <returns>AUC in [0, 1]; NaN when one class is absent (AUC is undefined).</returns>
    public static double RocAuc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        InputGuard.LabelsAndScores(labels, scores);
        var groups = ScoreGroups.Build(labels, scores);
        return RankMetrics.RocAuc(groups.Positives, groups.Negatives);
    }

    /// <summary>
    /// Average precision ("PR AUC"), scikit-learn's <c>average_precision_score</c>:
    /// AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct score thresholds in descending order, R₀ = 0.
    /// A step-wise sum, not the trapezoidal area, so it is not optimistic.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scores">Any finite scores.</param>
    /// <returns>AP in [0, 1]; 1 when every row is positive; NaN when there are no positives
    /// (scikit-learn 1.2 returns 0 with a warning there; undefined is the honest answer).</returns>
    public static double AveragePrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        InputGuard.LabelsAndScores(labels, scores);
        var groups = ScoreGroups.Build(labels, scores);
        return RankMetrics.AveragePrecision(groups.Positives, groups.Negatives);
    }

    /// <summary>
    /// Mean binary cross-entropy with natural logarithms:
    /// −(1/n) Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], with pᵢ first clipped to
    /// [<see cref="LogLossEpsilon"/>, 1 − <see cref="LogLossEpsilon"/>] so a confident mistake
    /// costs about 34.5 instead of infinity (scikit-learn's <c>log_loss(eps=1e-15)</c>).
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="probabilities">Probabilities of the positive class in [0, 1].</param>
    public static double LogLoss(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities)
    {
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            sum += LogLossTerm(labels[i], probabilities[i]);
        }

        return sum / labels.Length;
    }

    /// <summary>
    /// Brier score, the mean squared error of the probabilities: (1/n) Σ (pᵢ − yᵢ)²
    /// (scikit-learn's <c>brier_score_loss</c>). 0 is perfect; a constant 0.5 scores 0.25.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="probabilities">Probabilities of the positive class in [0, 1].</param>
    public static double BrierScore(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities)
    {
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            sum += BrierTerm(labels[i], probabilities[i]);
        }

        return sum / labels.Length;
    }

    internal static double LogLossTerm(bool label, double probability)
    {
        var p = Math.Clamp(probability, LogLossEpsilon, 1.0 - LogLossEpsilon);
        return label ? -Math.Log(p) : -Math.Log(1.0 - p);
    }

    internal static double BrierTerm(bool label, double probability)
    {
        var d = probability - (label ? 1.0 : 0.0);
        return d * d;
    }
}
