namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>One point of a precision–recall curve: the rates when rows with score &gt;= <paramref name="Threshold"/> are called positive.</summary>
/// <param name="Precision">TP / (TP + FP); 1 for the final point with nothing predicted positive.</param>
/// <param name="Recall">TP / P (NaN when there are no positives).</param>
/// <param name="Threshold">Score threshold; +∞ for the final point (nothing predicted positive).</param>
public readonly record struct PrecisionRecallPoint(
    double Precision,
    double Recall,
    double Threshold
);
