namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>One feature column scored alone by the leakage guard.</summary>
/// <param name="Column">The original feature column.</param>
/// <param name="Kind">"numeric" (the raw value is the score) or "categorical" (the out-of-fold target rate of its level is the score).</param>
/// <param name="CrossValidatedAuc">Mean validation-fold ROC AUC, oriented so that it is at least 0.5 (max(a, 1 − a)).</param>
/// <param name="Suspected">True when <paramref name="CrossValidatedAuc"/> reaches the threshold.</param>
public sealed record LeakageColumnResult(
    string Column,
    string Kind,
    double CrossValidatedAuc,
    bool Suspected
);
