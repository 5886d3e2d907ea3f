namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>A metric across cross-validation folds.</summary>
/// <param name="Mean">Mean over the folds where the metric was defined; NaN when none was.</param>
/// <param name="StandardDeviation">Sample standard deviation (divisor k − 1) over the same folds; NaN with fewer than two.</param>
/// <param name="Count">Folds that contributed (folds with NaN, e.g. AUC on a one-class fold, are left out).</param>
public readonly record struct MetricSummary(double Mean, double StandardDeviation, int Count);
