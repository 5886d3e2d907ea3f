namespace MentalHealthInsights.Core.Tracking.Push;

/// <summary>
/// What a push did (or, for a dry run, would do). Counts cover what was written in this push only:
/// pushing again reports everything as already present and copies nothing.
/// </summary>
public sealed record PushReport
{
    /// <summary>True when nothing was written.</summary>
    public bool DryRun { get; init; }

    /// <summary>Source experiments pushed (after the filter).</summary>
    public int Experiments { get; init; }

    /// <summary>Experiments created on the target (the others existed by name).</summary>
    public int ExperimentsCreated { get; init; }

    /// <summary>Runs copied (including runs a failed earlier push had left half-copied).</summary>
    public int RunsCopied { get; init; }

    /// <summary>Runs skipped because the target already holds them (tag <c>mhi.source_run_id</c>).</summary>
    public int RunsSkipped { get; init; }

    /// <summary>Metric points copied (full histories).</summary>
    public long MetricPoints { get; init; }

    /// <summary>Params copied.</summary>
    public long Params { get; init; }

    /// <summary>Tags copied (the push's own tags not counted).</summary>
    public long Tags { get; init; }

    /// <summary>Artifact files copied.</summary>
    public long ArtifactFiles { get; init; }

    /// <summary>Bytes of the artifact files copied.</summary>
    public long ArtifactBytes { get; init; }

    /// <summary>Registered models created on the target.</summary>
    public int ModelsCreated { get; init; }

    /// <summary>Model versions copied.</summary>
    public int VersionsCopied { get; init; }

    /// <summary>Model versions skipped because the target already holds them (tag <c>mhi.source_version</c>).</summary>
    public int VersionsSkipped { get; init; }

    /// <summary>Versions left out because their run is not on the target (outside the experiment filter).</summary>
    public int VersionsLeftOut { get; init; }

    /// <summary>Aliases created or moved on the target.</summary>
    public int AliasesSet { get; init; }

    /// <summary>What could not be copied, one entry each; the rest was still copied.</summary>
    public IReadOnlyList<PushFailure> Failures { get; init; } = [];

    /// <summary>Runs that failed.</summary>
    public int RunsFailed => Failures.Count(f => f.Kind == "run");

    /// <summary>True when everything was copied or already present.</summary>
    public bool Succeeded => Failures.Count == 0;
}
