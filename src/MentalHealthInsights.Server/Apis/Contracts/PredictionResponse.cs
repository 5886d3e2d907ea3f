namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The answer of POST /v1/predict.</summary>
/// <param name="Probability">Estimated probability of reporting a mental health condition, in [0, 1].</param>
/// <param name="Label">True when the probability is at or above the threshold.</param>
/// <param name="Threshold">The model's decision threshold.</param>
/// <param name="Factors">The largest contributing factors; null with explain=false.</param>
/// <param name="UnknownCategories">Fields whose value was unknown to the model (mapped to "Other" or unseen in training).</param>
/// <param name="Model">The model that answered.</param>
/// <param name="RequestId">The request id (also in the X-Request-Id header and the logs).</param>
/// <param name="Disclaimer">A screening aid, not a diagnosis.</param>
internal sealed record PredictionResponse(
    double Probability,
    bool Label,
    double Threshold,
    IReadOnlyList<FactorResponse>? Factors,
    IReadOnlyList<string> UnknownCategories,
    ModelIdentity Model,
    string RequestId,
    string Disclaimer
);
