namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>Which model answered: registered name and version ("bundle" when served from a path).</summary>
internal sealed record ModelIdentity(string Name, string Version);
