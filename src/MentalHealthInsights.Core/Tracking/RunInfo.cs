namespace MentalHealthInsights.Core.Tracking;

/// <summary>A run's metadata (MLflow's <c>RunInfo</c>).</summary>
public sealed record RunInfo
{
    /// <summary>32 lowercase hexadecimal characters, assigned by the store.</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment the run belongs to.</summary>
    public required string ExperimentId { get; init; }

    /// <summary>Display name (also stored as tag <c>mlflow.runName</c>); generated when not given.</summary>
    public required string RunName { get; init; }

    /// <summary>Who created the run; empty when unknown (MLflow's default).</summary>
    public string UserId { get; init; } = "";

    /// <summary>Current status.</summary>
    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>Start time, milliseconds since the Unix epoch.</summary>
    public long StartTimeMs { get; init; }

    /// <summary>End time, milliseconds since the Unix epoch; null while the run has not ended.</summary>
    public long? EndTimeMs { get; init; }

    /// <summary>Artifact root URI of this run (<c>&lt;experiment artifact location&gt;/&lt;run id&gt;/artifacts</c>).</summary>
    public required string ArtifactUri { get; init; }

    /// <summary>Active or soft-deleted.</summary>
    public LifecycleStage LifecycleStage { get; init; } = LifecycleStage.Active;
}
