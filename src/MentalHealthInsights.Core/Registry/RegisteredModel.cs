namespace MentalHealthInsights.Core.Registry;

/// <summary>A named model with numbered versions and aliases (MLflow's <c>RegisteredModel</c>).</summary>
public sealed record RegisteredModel
{
    /// <summary>Unique name, e.g. <c>mental-health-classifier</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Creation time, milliseconds since the Unix epoch.</summary>
    public long CreationTimestampMs { get; init; }

    /// <summary>Last change of the model or one of its versions/aliases, ms since the Unix epoch.</summary>
    public long LastUpdatedTimestampMs { get; init; }

    /// <summary>Free text; empty when none.</summary>
    public string Description { get; init; } = "";

    /// <summary>Model tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Aliases (e.g. <c>champion</c>) to the version numbers they point at.</summary>
    public IReadOnlyDictionary<string, int> Aliases { get; init; } =
        new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The highest version number; null when the model has no version.</summary>
    public int? LatestVersion { get; init; }
}
