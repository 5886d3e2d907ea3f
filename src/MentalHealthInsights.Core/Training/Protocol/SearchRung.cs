namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>One rung of a search: the best <paramref name="Configurations"/> so far, each evaluated on folds 0 … <paramref name="Folds"/> − 1.</summary>
/// <param name="Configurations">How many configurations reach this rung.</param>
/// <param name="Folds">How many folds (counted from the first) they have been evaluated on at the end of the rung.</param>
public sealed record SearchRung(int Configurations, int Folds)
{
    /// <summary>
    /// True when the rung fits the trainer's cheaper stand-ins (<see cref="IBinaryTrainer.EarlyRungStandIn"/>)
    /// instead of the configurations. The first rung after stand-in rungs starts again at fold 0.
    /// Default false.
    /// </summary>
    public bool StandIns { get; init; }
}
