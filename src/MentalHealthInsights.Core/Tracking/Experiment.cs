namespace MentalHealthInsights.Core.Tracking;

/// <summary>A named group of runs (MLflow's <c>Experiment</c>).</summary>
public sealed record Experiment
{
    /// <summary>Store-assigned id (a decimal string; <c>"0"</c> is the <c>Default</c> experiment).</summary>
    public required string ExperimentId { get; init; }

    /// <summary>Unique name (≤ 500 characters).</summary>
    public required string Name { get; init; }

    /// <summary>Artifact root URI of the experiment; a run's artifacts go under <c>&lt;this&gt;/&lt;run id&gt;/artifacts</c>.</summary>
    public required string ArtifactLocation { get; init; }

    /// <summary>Active or soft-deleted.</summary>
    public LifecycleStage LifecycleStage { get; init; } = LifecycleStage.Active;

    /// <summary>Creation time, milliseconds since the Unix epoch.</summary>
    public long CreationTimeMs { get; init; }

    /// <summary>Last update time, milliseconds since the Unix epoch.</summary>
    public long LastUpdateTimeMs { get; init; }

    /// <summary>Experiment tags (values ≤ 5000 characters).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
