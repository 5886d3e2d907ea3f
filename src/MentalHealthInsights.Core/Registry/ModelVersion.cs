namespace MentalHealthInsights.Core.Registry;

/// <summary>One numbered version of a registered model (MLflow's <c>ModelVersion</c>).</summary>
public sealed record ModelVersion
{
    /// <summary>The registered model's name.</summary>
    public required string Name { get; init; }

    /// <summary>1, 2, 3… in registration order, never reused (MLflow sends it as a string).</summary>
    public required int Version { get; init; }

    /// <summary>Creation time, milliseconds since the Unix epoch.</summary>
    public long CreationTimestampMs { get; init; }

    /// <summary>Last update time, milliseconds since the Unix epoch.</summary>
    public long LastUpdatedTimestampMs { get; init; }

    /// <summary>Who registered it; empty when unknown.</summary>
    public string UserId { get; init; } = "";

    /// <summary>Free text; empty when none.</summary>
    public string Description { get; init; } = "";

    /// <summary>Where the model's files are (an artifact URI such as <c>&lt;run artifact uri&gt;/model</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The run that produced the model; null when not registered from a run.</summary>
    public string? RunId { get; init; }

    /// <summary>A link to the run in a UI; null when none.</summary>
    public string? RunLink { get; init; }

    /// <summary>Registration status.</summary>
    public ModelVersionStatus Status { get; init; } = ModelVersionStatus.Ready;

    /// <summary>Detail on <see cref="Status"/>; null when none.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Version tags (e.g. the promotion decision and its reason).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The aliases pointing at this version, sorted.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
