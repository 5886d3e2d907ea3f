namespace MentalHealthInsights.Core.Pipelines;

/// <summary>Where a pipeline run is in its life. Terminal: Completed, Failed, Cancelled, Crashed.</summary>
public enum PipelineRunState
{
    /// <summary>Recorded, not started.</summary>
    Pending,

    /// <summary>A live process owns it and heartbeats.</summary>
    Running,

    /// <summary>Every step completed or was served from the cache.</summary>
    Completed,

    /// <summary>A step failed after its retries; later steps were skipped.</summary>
    Failed,

    /// <summary>Cancelled by the user (Ctrl+C or <c>mhi pipeline cancel</c>).</summary>
    Cancelled,

    /// <summary>Its owner stopped heartbeating (process killed or machine lost); marked on a later start.</summary>
    Crashed,
}
