namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// A logistic-regression coefficient of one standardised (numeric) or one-hot (categorical) input
/// slot, with its odds ratio and 95% Wald interval. The standard error comes from the penalised
/// Fisher information on the training part: Cov = (XᵀWX + λ·I without the intercept)⁻¹,
/// W = p(1 − p).
/// </summary>
/// <param name="Term">The slot name, e.g. "Sleep_Hours" or "Stress_Level=High".</param>
/// <param name="Column">The original column.</param>
/// <param name="Coefficient">Log-odds per unit of the slot (per standard deviation for numeric columns).</param>
/// <param name="StandardError">Wald standard error.</param>
/// <param name="OddsRatio">exp(Coefficient).</param>
/// <param name="OddsRatioLower">exp(Coefficient − 1.96·SE).</param>
/// <param name="OddsRatioUpper">exp(Coefficient + 1.96·SE).</param>
/// <param name="PValue">Two-sided Wald p-value for H0: coefficient = 0.</param>
public sealed record LinearCoefficient(
    string Term,
    string Column,
    double Coefficient,
    double StandardError,
    double OddsRatio,
    double OddsRatioLower,
    double OddsRatioUpper,
    double PValue
);
