namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>The sign of a column's effect on the predicted risk, read from the numbers.</summary>
public enum EffectDirection
{
    /// <summary>No measurable direction (all contributions zero, e.g. the baseline, or no variation).</summary>
    None,

    /// <summary>
    /// Higher values (numeric), the higher level (ordinal: High vs Low) or the named level
    /// (nominal) go with higher predicted risk.
    /// </summary>
    HigherRisk,

    /// <summary>The same, with lower predicted risk.</summary>
    LowerRisk,
}
