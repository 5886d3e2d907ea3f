namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>One scored record (a screening aid, not a diagnosis).</summary>
/// <param name="Probability">Estimated probability of reporting a mental health condition.</param>
/// <param name="Label">True when the probability is at or above the threshold.</param>
/// <param name="Threshold">The model's decision threshold.</param>
/// <param name="Factors">The largest contributing factors; null when explanations were not asked for.</param>
/// <param name="UnknownCategories">Fields whose value was unknown to the model (mapped to "Other" or unseen in training).</param>
internal sealed record PredictionResult(
    double Probability,
    bool Label,
    double Threshold,
    IReadOnlyList<FactorResponse>? Factors,
    IReadOnlyList<string> UnknownCategories
);
