namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The answer of POST /v1/what-if: an association learned from data, not a causal effect.</summary>
/// <param name="Feature">The modifiable factor that was varied.</param>
/// <param name="CurrentValue">The record's own value of the factor ("missing" when null).</param>
/// <param name="CurrentProbability">The estimated probability for the record as given.</param>
/// <param name="Points">One point per value tried, in the order given.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="Note">What the numbers mean and do not mean.</param>
/// <param name="Disclaimer">A screening aid, not a diagnosis.</param>
internal sealed record WhatIfResponse(
    string Feature,
    string CurrentValue,
    double CurrentProbability,
    IReadOnlyList<WhatIfPoint> Points,
    ModelIdentity Model,
    string Note,
    string Disclaimer
);
