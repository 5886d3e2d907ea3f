namespace MentalHealthInsights.Core.Registry;

/// <summary>What <see cref="IModelRegistry.CreateModelVersionAsync"/> needs to register a version.</summary>
public sealed record NewModelVersion
{
    /// <summary>The registered model; it must exist.</summary>
    public required string Name { get; init; }

    /// <summary>Artifact URI of the model's files.</summary>
    public required string Source { get; init; }

    /// <summary>The producing run; null when none.</summary>
    public string? RunId { get; init; }

    /// <summary>Free text; null for none.</summary>
    public string? Description { get; init; }

    /// <summary>A link to the run in a UI; null for none.</summary>
    public string? RunLink { get; init; }

    /// <summary>Initial version tags (values ≤ 5000 characters).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
