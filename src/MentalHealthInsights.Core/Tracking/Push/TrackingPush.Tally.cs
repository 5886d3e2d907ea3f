namespace MentalHealthInsights.Core.Tracking.Push;

public sealed partial class TrackingPush
{
    /// <summary>The counts of one push while it runs.</summary>
    private sealed class Tally
    {
        public int Experiments;
        public int ExperimentsCreated;
        public int RunsCopied;
        public int RunsSkipped;
        public long MetricPoints;
        public long Params;
        public long Tags;
        public long ArtifactFiles;
        public long ArtifactBytes;
        public int ModelsCreated;
        public int VersionsCopied;
        public int VersionsSkipped;
        public int VersionsLeftOut;
        public int AliasesSet;

        public List<PushFailure> Failures { get; } = [];

        public PushReport ToReport(bool dryRun) =>
            new()
            {
                DryRun = dryRun,
                Experiments = Experiments,
                ExperimentsCreated = ExperimentsCreated,
                RunsCopied = RunsCopied,
                RunsSkipped = RunsSkipped,
                MetricPoints = MetricPoints,
                Params = Params,
                Tags = Tags,
                ArtifactFiles = ArtifactFiles,
                ArtifactBytes = ArtifactBytes,
                ModelsCreated = ModelsCreated,
                VersionsCopied = VersionsCopied,
                VersionsSkipped = VersionsSkipped,
                VersionsLeftOut = VersionsLeftOut,
                AliasesSet = AliasesSet,
                Failures = [.. Failures],
            };
    }
}
