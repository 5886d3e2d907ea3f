namespace MentalHealthInsights.Core.Statistics;

/// <summary>How the p-value of a Mann–Whitney U test was computed.</summary>
public enum MannWhitneyUMethod
{
    /// <summary>The exact null distribution of U (no ties, small samples).</summary>
    Exact,

    /// <summary>The normal approximation with tie and continuity corrections.</summary>
    Asymptotic,
}
