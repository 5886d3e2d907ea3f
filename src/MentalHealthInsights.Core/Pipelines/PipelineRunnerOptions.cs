namespace MentalHealthInsights.Core.Pipelines;

/// <summary>How the runner retries, heartbeats and identifies itself.</summary>
public sealed record PipelineRunnerOptions
{
    /// <summary>
    /// Step policies by <c>pipeline/step</c>, then <c>pipeline/*</c>, then <c>*</c>; unmatched
    /// steps use <see cref="StepPolicy.Default"/>. Default empty.
    /// </summary>
    public IReadOnlyDictionary<string, StepPolicy> Policies { get; init; } =
        new Dictionary<string, StepPolicy>(StringComparer.Ordinal);

    /// <summary>
    /// Seed of the retry jitter; null derives it from the run id (reproducible per run, different
    /// across runs so that many workers do not retry in step). Default null.
    /// </summary>
    public int? JitterSeed { get; init; }

    /// <summary>How often the owner heartbeats and polls for a cancel request. Default 5 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A run whose heartbeat is older than this is considered abandoned (owner dead) and marked
    /// Crashed on the next start. Must exceed <see cref="HeartbeatInterval"/> well. Default 60 s.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>This process's id in run records. Default host/pid/random suffix.</summary>
    public string OwnerId { get; init; } =
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The policy for <paramref name="step"/> of <paramref name="pipeline"/>.</summary>
    public StepPolicy PolicyFor(string pipeline, string step) =>
        Policies.TryGetValue($"{pipeline}/{step}", out var exact) ? exact
        : Policies.TryGetValue($"{pipeline}/*", out var perPipeline) ? perPipeline
        : Policies.TryGetValue("*", out var any) ? any
        : StepPolicy.Default;

    /// <summary>Problems with the values (empty when usable).</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = Policies.SelectMany(p => p.Value.FindProblems(p.Key)).ToList();
        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            problems.Add("heartbeat interval must be positive.");
        }
        if (Lease < HeartbeatInterval * 2)
        {
            problems.Add("the lease must be at least twice the heartbeat interval.");
        }
        return problems;
    }
}
