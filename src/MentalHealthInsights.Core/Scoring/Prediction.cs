using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Scoring;

/// <summary>
/// One scored record: a screening aid, not a diagnosis. The factors carry the record's own
/// values as text for the person it describes; never log them.
/// </summary>
/// <param name="Probability">Estimated probability of reporting a condition, in [0, 1].</param>
/// <param name="Label">True when <paramref name="Probability"/> ≥ <paramref name="Threshold"/>.</param>
/// <param name="Threshold">The model's decision threshold (chosen on out-of-fold predictions).</param>
/// <param name="TopFactors">The largest contributions, in log-odds, grouped by original column.</param>
/// <param name="UnknownColumns">Categorical columns whose value was unseen in training or missing (mapped to the unknown slot).</param>
public sealed record Prediction(
    double Probability,
    bool Label,
    double Threshold,
    IReadOnlyList<ExplanationFactor> TopFactors,
    IReadOnlyList<string> UnknownColumns
);
