using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>What the search of one trainer produced.</summary>
/// <param name="Trials">Every configuration tried, the chosen one marked.</param>
/// <param name="ChosenIndex">Index of the chosen trial.</param>
/// <param name="Chosen">The chosen configuration.</param>
/// <param name="OutOfFold">The chosen configuration's raw out-of-fold scores, by training-part position.</param>
internal sealed record SearchOutcome(
    IReadOnlyList<SearchTrial> Trials,
    int ChosenIndex,
    HyperParameters Chosen,
    double[] OutOfFold
)
{
    public SearchTrial ChosenTrial => Trials[ChosenIndex];
}
