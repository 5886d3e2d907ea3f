namespace MentalHealthInsights.Core.Pipelines;

/// <summary>Where a step run is. Terminal: Completed, Failed, Cancelled, Skipped, Cached.</summary>
public enum StepRunState
{
    /// <summary>Waiting for earlier steps.</summary>
    Pending,

    /// <summary>An attempt is executing.</summary>
    Running,

    /// <summary>An attempt failed; waiting out the backoff before the next one.</summary>
    Retrying,

    /// <summary>Executed and succeeded.</summary>
    Completed,

    /// <summary>Failed on its last attempt (or with an error not worth retrying).</summary>
    Failed,

    /// <summary>Stopped by a cancellation of the run.</summary>
    Cancelled,

    /// <summary>Not run because an earlier step failed, was cancelled or crashed.</summary>
    Skipped,

    /// <summary>Not run: an earlier run with the same inputs and settings produced its outputs.</summary>
    Cached,
}
