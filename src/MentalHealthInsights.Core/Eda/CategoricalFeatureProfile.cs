using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Eda;

/// <summary>One categorical feature: the condition rate per level and its test against the target.</summary>
public sealed record CategoricalFeatureProfile
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Levels that occur, in the schema's order, then any other value in ordinal order, then
    /// "(missing)".
    /// </summary>
    public required IReadOnlyList<CategoryLevel> Levels { get; init; }

    /// <summary>Chi-square test of independence of the level × target table (Yates only when dof = 1).</summary>
    public required ChiSquareIndependenceResult Test { get; init; }

    /// <summary>Bias-uncorrected Cramér's V from the uncorrected chi-square.</summary>
    public required double CramersV { get; init; }
}
