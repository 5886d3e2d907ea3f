namespace MentalHealthInsights.Core.Tracking;

/// <summary>What <see cref="TrackingService"/> records about who and what starts runs.</summary>
public sealed record TrackingServiceOptions
{
    /// <summary>Recorded as the run's user id and tag <c>mlflow.user</c>; empty (the default) records neither.</summary>
    public string UserName { get; init; } = "";

    /// <summary>Recorded as tag <c>mlflow.source.name</c> (e.g. <c>mhi train</c>); null (the default) records nothing.</summary>
    public string? SourceName { get; init; }

    /// <summary>Recorded as tag <c>mlflow.source.type</c>; default <c>LOCAL</c>, as MLflow for a script.</summary>
    public string SourceType { get; init; } = "LOCAL";

    /// <summary>Recorded as tag <c>mlflow.source.git.commit</c>; null (the default) records nothing.</summary>
    public string? GitCommit { get; init; }

    /// <summary>Estimated JSON body budget per log-batch call (default <see cref="LogBatchSplitter.DefaultMaxBatchBytes"/>).</summary>
    public int MaxBatchBytes { get; init; } = LogBatchSplitter.DefaultMaxBatchBytes;
}
