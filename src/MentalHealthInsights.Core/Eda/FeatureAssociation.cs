namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// One feature–target test with its Benjamini–Hochberg adjusted p-value. Effect sizes are on a
/// 0–1 scale in absolute value so that features can be ranked together: the rank-biserial
/// correlation (signed: positive when values are higher among people with the condition) for
/// numeric features, Cramér's V for categorical ones.
/// </summary>
public sealed record FeatureAssociation
{
    /// <summary>Column name.</summary>
    public required string Feature { get; init; }

    /// <summary>Numeric or categorical.</summary>
    public required VariableKind Kind { get; init; }

    /// <summary>The test's name: <see cref="MannWhitneyU"/> or <see cref="ChiSquare"/>.</summary>
    public required string Test { get; init; }

    /// <summary>U1 for Mann–Whitney; chi-square (Yates-corrected when dof = 1) for categorical features.</summary>
    public required double Statistic { get; init; }

    /// <summary>Raw two-sided p-value (NaN when the test could not be run).</summary>
    public required double PValue { get; init; }

    /// <summary>Benjamini–Hochberg adjusted p-value across all feature–target tests.</summary>
    public required double AdjustedPValue { get; init; }

    /// <summary>True when <see cref="AdjustedPValue"/> ≤ α.</summary>
    public required bool IsSignificant { get; init; }

    /// <summary>"rank-biserial correlation" or "Cramér's V".</summary>
    public required string EffectSizeName { get; init; }

    /// <summary>The effect size (see the type's remarks).</summary>
    public required double EffectSize { get; init; }

    /// <summary>Records used by the test.</summary>
    public required long N { get; init; }

    /// <summary>Records excluded because the value was missing (numeric features only; categorical ones keep "(missing)" as a level).</summary>
    public required long Missing { get; init; }

    /// <summary>Name of the test used for numeric features.</summary>
    public const string MannWhitneyU = "Mann–Whitney U";

    /// <summary>Name of the test used for categorical features.</summary>
    public const string ChiSquare = "Chi-square independence";
}
