namespace MentalHealthInsights.Core.Tracking;

/// <summary>What <see cref="ITrackingStore.CreateRunAsync"/> needs to create a run.</summary>
public sealed record NewRun
{
    /// <summary>The experiment to create the run in; it must exist and be active.</summary>
    public required string ExperimentId { get; init; }

    /// <summary>Display name; null → the tag <c>mlflow.runName</c> if given, else a generated name.</summary>
    public string? RunName { get; init; }

    /// <summary>Who creates the run; empty when unknown.</summary>
    public string UserId { get; init; } = "";

    /// <summary>Start time in ms since the Unix epoch; null → the store's clock.</summary>
    public long? StartTimeMs { get; init; }

    /// <summary>Initial tags (e.g. <c>mlflow.parentRunId</c>).</summary>
    public IReadOnlyList<RunTag> Tags { get; init; } = [];
}
