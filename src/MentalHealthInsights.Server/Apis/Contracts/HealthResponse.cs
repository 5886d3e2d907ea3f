namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>A health answer.</summary>
/// <param name="Status">"live" or "ready".</param>
/// <param name="Model">The served model, when one is loaded.</param>
internal sealed record HealthResponse(string Status, ModelIdentity? Model);
