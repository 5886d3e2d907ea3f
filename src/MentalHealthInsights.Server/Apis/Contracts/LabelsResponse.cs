namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The answer of POST /v1/labels.</summary>
/// <param name="Received">Labels received.</param>
/// <param name="Updated">Logged predictions that got an outcome (unknown ids update nothing).</param>
internal sealed record LabelsResponse(int Received, int Updated);
