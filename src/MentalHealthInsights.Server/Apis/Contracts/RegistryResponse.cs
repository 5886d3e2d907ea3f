namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The answer of GET /v1/registry: champion, challenger and the alias history.</summary>
/// <param name="ModelName">The registered model name, or null when serving a bundle path.</param>
/// <param name="Champion">The champion version, when there is one.</param>
/// <param name="Challenger">The challenger version, when there is one.</param>
/// <param name="History">Alias moves, newest first.</param>
/// <param name="Note">Why parts are missing, when they are.</param>
internal sealed record RegistryResponse(
    string? ModelName,
    RegistryVersion? Champion,
    RegistryVersion? Challenger,
    IReadOnlyList<AliasChangeItem> History,
    string? Note
);
