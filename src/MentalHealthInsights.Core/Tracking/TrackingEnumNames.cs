namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// MLflow's wire spellings of the tracking enums (<c>"FINISHED"</c>, <c>"active"</c>), used by
/// stores that persist them as text and by the REST adapter.
/// </summary>
public static class TrackingEnumNames
{
    /// <summary>Upper-case name, e.g. <c>FINISHED</c>.</summary>
    public static string ToMlflowName(this RunStatus status) =>
        status switch
        {
            RunStatus.Running => "RUNNING",
            RunStatus.Scheduled => "SCHEDULED",
            RunStatus.Finished => "FINISHED",
            RunStatus.Failed => "FAILED",
            RunStatus.Killed => "KILLED",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

    /// <summary>Parses an upper-case status name (case-insensitive); false for unknown names.</summary>
    public static bool TryParseRunStatus(string? text, out RunStatus status)
    {
        foreach (var candidate in Enum.GetValues<RunStatus>())
        {
            if (string.Equals(candidate.ToMlflowName(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Lower-case name: <c>active</c> or <c>deleted</c>.</summary>
    public static string ToMlflowName(this LifecycleStage stage) =>
        stage == LifecycleStage.Deleted ? "deleted" : "active";

    /// <summary>Parses <c>active</c>/<c>deleted</c> (case-insensitive); anything else is active.</summary>
    public static LifecycleStage ParseLifecycleStage(string? text) =>
        string.Equals(text, "deleted", StringComparison.OrdinalIgnoreCase)
            ? LifecycleStage.Deleted
            : LifecycleStage.Active;
}
