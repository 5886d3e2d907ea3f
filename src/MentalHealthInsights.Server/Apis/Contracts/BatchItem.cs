namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>One record's result in a batch: a prediction or its field errors.</summary>
/// <param name="Index">The record's position in the request (0-based).</param>
/// <param name="Prediction">The prediction, or null when the record is invalid.</param>
/// <param name="Errors">Field errors (RFC 7807 style), or null when the record was scored.</param>
internal sealed record BatchItem(
    int Index,
    PredictionResult? Prediction,
    Dictionary<string, string[]>? Errors
);
