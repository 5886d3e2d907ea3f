namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The body of POST /v1/what-if.</summary>
/// <param name="Record">The record as in POST /v1/predict.</param>
/// <param name="Feature">Sleep_Hours, Work_Hours, Physical_Activity_Hours or Stress_Level.</param>
/// <param name="Values">Values to try (numbers, or Low/Medium/High); omitted = a default grid.</param>
internal sealed record WhatIfRequest(
    PredictionRequest Record,
    string Feature,
    IReadOnlyList<System.Text.Json.JsonElement>? Values
);
