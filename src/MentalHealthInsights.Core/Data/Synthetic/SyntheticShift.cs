namespace MentalHealthInsights.Core.Data.Synthetic;

/// <summary>
/// A change of the feature distributions, applied before the outcome is drawn (so the planted
/// model still holds: covariate shift, not concept drift). Used by the monitoring simulation;
/// <see cref="SyntheticDataOptions.Shift"/> null (the default) generates the documented data,
/// byte for byte.
/// </summary>
public sealed record SyntheticShift
{
    /// <summary>
    /// Hours subtracted from every Sleep_Hours value (kept on the one-decimal grid, never below
    /// 0). Default 0.
    /// </summary>
    public double SleepHoursDecrease { get; init; }

    /// <summary>
    /// Probabilities of Low, Medium and High stress (three non-negative weights, normalised);
    /// null keeps the uniform thirds.
    /// </summary>
    public IReadOnlyList<double>? StressWeights { get; init; }

    /// <summary>
    /// An occupation outside <see cref="DatasetSchema.Occupations"/> given to a share of the
    /// records (<see cref="NewOccupationShare"/>); the others keep the uniform known occupations.
    /// Null: none. The validator reads it as an unknown category (mapped to Other and counted).
    /// </summary>
    public string? NewOccupation { get; init; }

    /// <summary>Share of records, in [0, 1], that get <see cref="NewOccupation"/>. Default 0.</summary>
    public double NewOccupationShare { get; init; }

    /// <summary>Every problem with the shift, as sentences; empty when valid.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (!double.IsFinite(SleepHoursDecrease))
        {
            problems.Add("SleepHoursDecrease must be finite.");
        }
        if (
            StressWeights is not null
            && (
                StressWeights.Count != DatasetSchema.StressLevels.Count
                || StressWeights.Any(w => !double.IsFinite(w) || w < 0)
                || StressWeights.Sum() <= 0
            )
        )
        {
            problems.Add(
                "StressWeights must hold three non-negative finite weights with a positive sum."
            );
        }
        if (!(NewOccupationShare is >= 0 and <= 1))
        {
            problems.Add("NewOccupationShare must lie in [0, 1].");
        }
        if (NewOccupationShare > 0 && string.IsNullOrWhiteSpace(NewOccupation))
        {
            problems.Add("NewOccupation must be named when NewOccupationShare > 0.");
        }
        return problems;
    }
}
