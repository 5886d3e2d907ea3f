namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>One point of a ROC curve: the rates when rows with score &gt;= <paramref name="Threshold"/> are called positive.</summary>
/// <param name="FalsePositiveRate">FP / N (NaN when there are no negatives).</param>
/// <param name="TruePositiveRate">TP / P (NaN when there are no positives).</param>
/// <param name="Threshold">Score threshold; +∞ for the first point (nothing predicted positive).</param>
public readonly record struct RocPoint(
    double FalsePositiveRate,
    double TruePositiveRate,
    double Threshold
);
