namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>Outcome of <see cref="DeLongTest.OneSample"/>: one ROC AUC against chance (0.5).</summary>
/// <param name="Auc">The AUC with the interval AUC ± z·SE, clipped to [0, 1].</param>
/// <param name="StandardError">DeLong standard error of the AUC, √(S₁₀/m + S₀₁/n).</param>
/// <param name="Z">(AUC − 0.5) / SE (0 when both are 0; ±∞ when only the error is 0).</param>
/// <param name="PValue">Two-sided p-value for H0: AUC = 0.5, 2·Φ(−|Z|); NaN when undefined.</param>
/// <param name="Positives">Positive rows (m).</param>
/// <param name="Negatives">Negative rows (n).</param>
public sealed record DeLongOneSampleResult(
    Interval Auc,
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
