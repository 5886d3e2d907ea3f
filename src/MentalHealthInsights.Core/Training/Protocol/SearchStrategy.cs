namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// How the hyperparameter search spends its fits (docs/training.md, "Search strategies").
/// Both are deterministic for a seed and touch the training part only.
/// </summary>
public enum SearchStrategy
{
    /// <summary>
    /// Successive halving over folds (the default): every configuration is cross-validated on
    /// the first fold, the best third (by mean primary metric so far) goes on to the first three
    /// folds, the best third of those to all folds, and the choice is made among the
    /// configurations that saw every fold. With 20 configurations and 5 folds: 40 fits instead of
    /// 100. Searches of at most <see cref="SearchPlan.HalvingRate"/> configurations are full.
    /// </summary>
    Halving,

    /// <summary>Every configuration on every fold (the plain k-fold grid/random search).</summary>
    Full,
}
