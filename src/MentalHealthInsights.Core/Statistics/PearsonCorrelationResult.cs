namespace MentalHealthInsights.Core.Statistics;

/// <summary>A Pearson correlation with its two-sided p-value.</summary>
/// <param name="Coefficient">r in [−1, 1]; NaN when fewer than two pairs remain or either variable is constant.</param>
/// <param name="PValue">Two-sided p-value of r = 0 (exact under bivariate normality); 1 when N = 2.</param>
/// <param name="N">Complete pairs used.</param>
public sealed record PearsonCorrelationResult(double Coefficient, double PValue, int N);
