namespace MentalHealthInsights.Core.Features;

/// <summary>
/// The fitted statistics of one numeric feature, in the column's original units, for
/// explanations such as "Sleep_Hours = 5.5 (below the training mean 7.0)".
/// </summary>
/// <param name="Column">The column name.</param>
/// <param name="Median">Median of the non-missing training values: the imputation value (0 when all were missing).</param>
/// <param name="Mean">Mean of the training values after imputation.</param>
/// <param name="StandardDeviation">Population standard deviation (ddof 0) after imputation.</param>
/// <param name="Scale">The divisor used: <paramref name="StandardDeviation"/>, or 1 for a constant column.</param>
/// <param name="MissingInTraining">Training rows where the value was missing (and imputed).</param>
public readonly record struct NumericFeatureStats(
    string Column,
    double Median,
    double Mean,
    double StandardDeviation,
    double Scale,
    long MissingInTraining
);
