namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Counts of a binary classifier's decisions at one threshold. Every ratio whose denominator is
/// zero is defined as 0 (scikit-learn's <c>zero_division=0</c>): e.g. <see cref="Precision"/> with
/// no predicted positives is 0, <see cref="Recall"/> with no actual positives is 0, and
/// <see cref="Accuracy"/> of an empty matrix is 0.
/// </summary>
/// <param name="TruePositives">Actual positives predicted positive.</param>
/// <param name="FalsePositives">Actual negatives predicted positive.</param>
/// <param name="TrueNegatives">Actual negatives predicted negative.</param>
/// <param name="FalseNegatives">Actual positives predicted negative.</param>
public readonly record struct ConfusionMatrix(
    long TruePositives,
    long FalsePositives,
    long TrueNegatives,
    long FalseNegatives
)
{
    /// <summary>All rows counted.</summary>
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Actual positives (TP + FN).</summary>
    public long Positives => TruePositives + FalseNegatives;

    /// <summary>Actual negatives (TN + FP).</summary>
    public long Negatives => TrueNegatives + FalsePositives;

    /// <summary>Predicted positives (TP + FP).</summary>
    public long PredictedPositives => TruePositives + FalsePositives;

    /// <summary>(TP + TN) / total; 0 when there are no rows.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>TP / (TP + FP); 0 when nothing is predicted positive.</summary>
    public double Precision => Ratio(TruePositives, PredictedPositives);

    /// <summary>TP / (TP + FN), the true-positive rate or sensitivity; 0 when there are no actual positives.</summary>
    public double Recall => Ratio(TruePositives, Positives);

    /// <summary>
    /// 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = 0 (which
    /// covers every 0/0 case).
    /// </summary>
    public double F1 =>
        Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    /// <summary>TN / (TN + FP), the true-negative rate; 0 when there are no actual negatives.</summary>
    public double Specificity => Ratio(TrueNegatives, Negatives);

    /// <summary>FP / (FP + TN) = 1 − specificity; 0 when there are no actual negatives.</summary>
    public double FalsePositiveRate => Ratio(FalsePositives, Negatives);

    /// <summary>
    /// Counts decisions where a row is predicted positive iff its probability is
    /// <c>&gt;= threshold</c>.
    /// </summary>
    /// <param name="labels">True classes (true = positive).</param>
    /// <param name="probabilities">Predicted probabilities of the positive class, finite and in [0, 1], same length as <paramref name="labels"/>.</param>
    /// <param name="threshold">Decision threshold; any value but NaN (above 1 predicts nothing positive).</param>
    /// <exception cref="ArgumentException">Empty input, different lengths, a probability outside [0, 1] or a NaN threshold.</exception>
    public static ConfusionMatrix From(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double threshold
    )
    {
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        InputGuard.Threshold(threshold);
        return Count(labels, probabilities, threshold);
    }

    /// <summary>Counts without validation; callers have validated.</summary>
    internal static ConfusionMatrix Count(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double threshold
    )
    {
        long tp = 0,
            fp = 0,
            tn = 0,
            fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = probabilities[i] >= threshold;
            if (labels[i])
            {
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    private static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
