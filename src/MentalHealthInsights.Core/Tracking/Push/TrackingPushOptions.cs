namespace MentalHealthInsights.Core.Tracking.Push;

/// <summary>What <see cref="TrackingPush"/> copies and how.</summary>
public sealed record TrackingPushOptions
{
    /// <summary>Names of the experiments to push; empty (the default) pushes every active experiment.</summary>
    public IReadOnlyList<string> Experiments { get; init; } = [];

    /// <summary>When true, reads both ends and counts what would be copied, but writes nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The folder under which artifacts are downloaded before upload (one sub-folder per run,
    /// deleted afterwards); null → the system temp folder.
    /// </summary>
    public string? TempRoot { get; init; }
}
