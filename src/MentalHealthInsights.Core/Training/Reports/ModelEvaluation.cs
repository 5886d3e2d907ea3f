using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// Everything the report shows about one model: the search, cross-validation, calibration,
/// threshold, the one test-part evaluation, significance against the baseline, promotability
/// and the key indicators. Explanations that do not apply are empty (or null).
/// </summary>
public sealed record ModelEvaluation
{
    /// <summary>The trainer's registry name ("baseline", "lr", "rf", "xgb", …).</summary>
    public required string Name { get; init; }

    /// <summary>The trainer's human-readable name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>True for the majority-class baseline (the reference every model must beat).</summary>
    public required bool IsBaseline { get; init; }

    /// <summary>The chosen configuration, name → invariant-culture value.</summary>
    public required IReadOnlyDictionary<string, string> HyperParameters { get; init; }

    /// <summary>Index of the chosen configuration in <see cref="Trials"/>.</summary>
    public required int ChosenTrialIndex { get; init; }

    /// <summary>Every configuration tried, in search-space order.</summary>
    public required IReadOnlyList<SearchTrial> Trials { get; init; }

    /// <summary>Cross-validation mean ± standard deviation per MetricNames key for the chosen configuration (threshold 0.5, raw scores).</summary>
    public required IReadOnlyDictionary<string, MetricSummary> CrossValidation { get; init; }

    /// <summary>The calibrator, or null when the trainer's scores are already probabilities.</summary>
    public CalibrationSummary? Calibration { get; init; }

    /// <summary>The chosen configuration's (calibrated) out-of-fold evaluation.</summary>
    public required OutOfFoldEvaluation OutOfFold { get; init; }

    /// <summary>The decision threshold.</summary>
    public required ThresholdChoice Threshold { get; init; }

    /// <summary>The final model on the test part.</summary>
    public required TestEvaluation Test { get; init; }

    /// <summary>Tests against the baseline; null for the baseline itself.</summary>
    public SignificanceResult? Significance { get; init; }

    /// <summary>True when the model may be promoted (see <see cref="StatisticalTestsUsed.PromotionRule"/>).</summary>
    public required bool Promotable { get; init; }

    /// <summary>Why the model is or is not promotable, in a sentence with the numbers.</summary>
    public required string PromotionReason { get; init; }

    /// <summary>Permutation importance per original column, highest first.</summary>
    public required IReadOnlyList<ColumnImportance> PermutationImportance { get; init; }

    /// <summary>How <see cref="Contributions"/> were computed (the model's explanation method).</summary>
    public required string ContributionMethod { get; init; }

    /// <summary>Mean |contribution| and direction per original column, highest mean first.</summary>
    public required IReadOnlyList<ColumnContribution> Contributions { get; init; }

    /// <summary>Logistic-regression coefficients with odds ratios; empty when the model is not linear.</summary>
    public IReadOnlyList<LinearCoefficient> Coefficients { get; init; } = [];

    /// <summary>Key indicators of this model (permutation importance ranks, contributions give directions).</summary>
    public required IReadOnlyList<KeyIndicator> KeyIndicators { get; init; }

    /// <summary>Notes on this model (fallbacks, terms left out of the coefficient table, …); never record values.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
