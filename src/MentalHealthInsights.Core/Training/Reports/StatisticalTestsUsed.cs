namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>The tests and the promotion rule, stated in words for the report.</summary>
public sealed record StatisticalTestsUsed
{
    /// <summary>Significance level.</summary>
    public required double Alpha { get; init; }

    /// <summary>How each model is compared with the baseline on ROC AUC.</summary>
    public required string VersusBaseline { get; init; }

    /// <summary>How models are compared with each other.</summary>
    public required string Pairwise { get; init; }

    /// <summary>How log loss is compared with the baseline.</summary>
    public required string LogLoss { get; init; }

    /// <summary>How the test-set intervals are computed.</summary>
    public required string Intervals { get; init; }

    /// <summary>The rule that makes a model promotable.</summary>
    public required string PromotionRule { get; init; }
}
