namespace MentalHealthInsights.Core.Tracking.Push;

/// <summary>The tags a push writes on the target so that pushing again copies nothing twice.</summary>
public static class PushTagKeys
{
    /// <summary>On a target run: the source run's id.</summary>
    public const string SourceRunId = "mhi.source_run_id";

    /// <summary>On a target run: where it was pushed from.</summary>
    public const string SourceTrackingUri = "mhi.source_tracking_uri";

    /// <summary>
    /// On a target run: <c>copying</c> while its data and artifacts are copied, <c>complete</c>
    /// at the end. A run left at <c>copying</c> (a push that failed half-way) is completed by the
    /// next push instead of being copied again.
    /// </summary>
    public const string PushState = "mhi.push_state";

    /// <summary>On a target model version: the source version number.</summary>
    public const string SourceVersion = "mhi.source_version";

    /// <summary>The <see cref="PushState"/> value of a run whose copy is still in progress.</summary>
    public const string Copying = "copying";

    /// <summary>The <see cref="PushState"/> value of a fully copied run.</summary>
    public const string Complete = "complete";
}
