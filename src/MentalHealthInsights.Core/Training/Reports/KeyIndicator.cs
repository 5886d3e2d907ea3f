namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// One row of the ranked "key indicators" table: an original column, how much the model relies on
/// it (permutation importance on the test part) and the direction of its effect, in words
/// written from the numbers.
/// </summary>
public sealed record KeyIndicator
{
    /// <summary>1-based rank (by <see cref="Importance"/>, descending).</summary>
    public required int Rank { get; init; }

    /// <summary>The original feature column.</summary>
    public required string Column { get; init; }

    /// <summary>Mean drop in test ROC AUC when the column is permuted.</summary>
    public required double Importance { get; init; }

    /// <summary>Standard deviation of the drop over the repeats.</summary>
    public required double ImportanceStandardDeviation { get; init; }

    /// <summary>Mean |contribution| in log-odds (from the model's explanations).</summary>
    public required double MeanAbsoluteContribution { get; init; }

    /// <summary>The sign of the effect.</summary>
    public required EffectDirection Direction { get; init; }

    /// <summary>The direction in words, e.g. "higher Stress_Level → higher risk".</summary>
    public required string DirectionText { get; init; }
}
