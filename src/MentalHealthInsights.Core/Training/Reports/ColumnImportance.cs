namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// Permutation importance of one original column on the test part: all of the column's output
/// slots are permuted together across rows, and the importance is the drop in ROC AUC.
/// </summary>
/// <param name="Column">The original feature column.</param>
/// <param name="Mean">Mean AUC drop over the repeats (positive = the model relies on the column).</param>
/// <param name="StandardDeviation">Sample standard deviation over the repeats (NaN with one repeat).</param>
/// <param name="Repeats">Seeded permutations.</param>
public sealed record ColumnImportance(
    string Column,
    double Mean,
    double StandardDeviation,
    int Repeats
);
