using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// A progress report of <see cref="TrainingProtocol.Run"/>: the stage and the overall fraction
/// done, and, for tracking, the event that caused it: a finished cross-validation fold
/// (<see cref="Fold"/>) or a finished search trial (<see cref="Trial"/>). Both are also in the report.
/// </summary>
/// <param name="Stage">What is running, e.g. "leakage check", "search xgb", "final fit xgb", "evaluation".</param>
/// <param name="Fraction">Overall fraction done, in [0, 1], non-decreasing.</param>
public sealed record TrainingProgress(string Stage, double Fraction)
{
    /// <summary>The model the event belongs to (trainer name); null for run-wide stages.</summary>
    public string? Model { get; init; }

    /// <summary>The trial index of <see cref="Fold"/> or <see cref="Trial"/>; null otherwise.</summary>
    public int? TrialIndex { get; init; }

    /// <summary>Set when a cross-validation fold of a trial finished.</summary>
    public FoldMetrics? Fold { get; init; }

    /// <summary>Set when a search trial (every fold of one configuration) finished.</summary>
    public SearchTrial? Trial { get; init; }
}
