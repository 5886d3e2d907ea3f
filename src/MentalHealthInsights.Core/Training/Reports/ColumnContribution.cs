namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// Per-row explanations (IBinaryModel.Explain, log-odds units) of one original column over the
/// test part: slot contributions are summed per row, then summarised.
/// </summary>
public sealed record ColumnContribution
{
    /// <summary>The original feature column.</summary>
    public required string Column { get; init; }

    /// <summary>Mean over rows of |the column's contribution| (mean |SHAP| for XGBoost).</summary>
    public required double MeanAbsoluteContribution { get; init; }

    /// <summary>The sign of the effect on predicted risk.</summary>
    public required EffectDirection Direction { get; init; }

    /// <summary>
    /// Numeric columns: Pearson correlation between the column's value and its contribution (its
    /// sign gives the direction). Categorical: NaN.
    /// </summary>
    public double Correlation { get; init; } = double.NaN;

    /// <summary>Categorical: the compared levels' mean contributions, level → mean (empty for numeric).</summary>
    public IReadOnlyDictionary<string, double> LevelMeans { get; init; } =
        new Dictionary<string, double>();

    /// <summary>Categorical: the level with the higher risk of the two compared (ordinal: "High"; nominal: the highest-mean level).</summary>
    public string? HigherLevel { get; init; }

    /// <summary>Categorical: the level with the lower risk of the two compared (ordinal: "Low"; nominal: the lowest-mean level).</summary>
    public string? LowerLevel { get; init; }

    /// <summary>The direction in words, e.g. "more Sleep_Hours → lower risk".</summary>
    public required string DirectionText { get; init; }
}
