namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>Outcome of <see cref="DeLongTest.Compare"/>: paired comparison of two ROC AUCs on the same rows.</summary>
/// <param name="AucA">ROC AUC of A (midrank / Mann–Whitney, equal to <c>BinaryMetrics.RocAuc</c>).</param>
/// <param name="AucB">ROC AUC of B.</param>
/// <param name="Difference">AucA − AucB with the normal-approximation interval difference ± z·SE.</param>
/// <param name="StandardError">DeLong standard error of the difference, √(S_AA + S_BB − 2·S_AB).</param>
/// <param name="Z">Difference / StandardError (0 when both are 0; ±∞ when only the error is 0).</param>
/// <param name="PValue">Two-sided 2·Φ(−|Z|); 1 when the difference is 0; NaN when undefined.</param>
/// <param name="Positives">Positive rows (m).</param>
/// <param name="Negatives">Negative rows (n).</param>
public sealed record DeLongResult(
    double AucA,
    double AucB,
    Interval Difference,
    double StandardError,
    double Z,
    double PValue,
    long Positives,
    long Negatives
)
{
    /// <summary>True when <see cref="PValue"/> &lt; <paramref name="alpha"/> (false for NaN).</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
