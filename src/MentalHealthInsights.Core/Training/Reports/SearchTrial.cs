namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// One configuration of the hyperparameter search of one model, evaluated by cross-validation.
/// A "metric with a step" for tracking (step = <see cref="TrialIndex"/>).
/// </summary>
public sealed record SearchTrial
{
    /// <summary>0-based position in the trainer's search space (0 = the trainer's defaults).</summary>
    public required int TrialIndex { get; init; }

    /// <summary>The configuration, name → invariant-culture value.</summary>
    public required IReadOnlyDictionary<string, string> HyperParameters { get; init; }

    /// <summary>The primary metric's key.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>Mean of the primary metric over the folds evaluated (<see cref="Folds"/>).</summary>
    public required double MeanPrimaryMetric { get; init; }

    /// <summary>Sample standard deviation of the primary metric over the folds.</summary>
    public required double StandardDeviationPrimaryMetric { get; init; }

    /// <summary>Mean log loss over the folds (the first tie-breaker).</summary>
    public required double MeanLogLoss { get; init; }

    /// <summary>Per-fold metrics.</summary>
    public required IReadOnlyList<FoldMetrics> Folds { get; init; }

    /// <summary>
    /// The last search rung the configuration reached (0-based; always 0 for a full search, see
    /// <see cref="Protocol.SearchPlan"/>).
    /// </summary>
    public int Rung { get; init; }

    /// <summary>
    /// True when successive halving stopped this configuration before it saw every fold: its
    /// means cover <see cref="Folds"/> only (the first folds), so compare it with the others
    /// on those folds, not on the full mean. False for every trial of a full search.
    /// </summary>
    public bool Eliminated { get; init; }

    /// <summary>True for the configuration the protocol chose.</summary>
    public bool Chosen { get; init; }
}
