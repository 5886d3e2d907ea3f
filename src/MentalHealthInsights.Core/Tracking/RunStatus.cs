namespace MentalHealthInsights.Core.Tracking;

/// <summary>A run's status, as MLflow's <c>RunStatus</c> (wire names are the upper-case member names).</summary>
public enum RunStatus
{
    /// <summary>Started and not ended (the status a new run gets).</summary>
    Running,

    /// <summary>Created, waiting to start.</summary>
    Scheduled,

    /// <summary>Ended successfully.</summary>
    Finished,

    /// <summary>Ended with an error.</summary>
    Failed,

    /// <summary>Stopped by a user or a supervisor.</summary>
    Killed,
}
