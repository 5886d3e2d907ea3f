namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>One rung of a search: the best <paramref name="Configurations"/> so far, each evaluated on folds 0 … <paramref name="Folds"/> − 1.</summary>
/// <param name="Configurations">How many configurations reach this rung.</param>
/// <param name="Folds">How many folds (counted from the first) they have been evaluated on at the end of the rung.</param>
public sealed record SearchRung(int Configurations, int Folds);
