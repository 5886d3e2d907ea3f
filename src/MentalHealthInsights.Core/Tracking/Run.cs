namespace MentalHealthInsights.Core.Tracking;

/// <summary>A run: its metadata and what it logged (MLflow's <c>Run</c>).</summary>
/// <param name="Info">Id, status, times, artifact URI.</param>
/// <param name="Data">Params, latest metrics and tags.</param>
public sealed record Run(RunInfo Info, RunData Data)
{
    /// <summary>The parent run's id from tag <c>mlflow.parentRunId</c>; null for a top-level run.</summary>
    public string? ParentRunId =>
        Data.Tags.TryGetValue(MlflowTagKeys.ParentRunId, out var parent) ? parent : null;
}
