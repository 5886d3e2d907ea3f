namespace MentalHealthInsights.Core.Tracking;

/// <summary>Whether an experiment or run is live or soft-deleted (MLflow's <c>"active"</c>/<c>"deleted"</c>).</summary>
public enum LifecycleStage
{
    /// <summary>Visible and writable.</summary>
    Active,

    /// <summary>Soft-deleted: readable by id, hidden from default searches, not writable.</summary>
    Deleted,
}
