using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>What a scheduled pipeline job needs: the run store, the clock, the runner options and a sink for one-line reports.</summary>
/// <param name="Store">The run store (shared by every node of a cluster).</param>
/// <param name="Time">The clock.</param>
/// <param name="RunnerOptions">Policies, heartbeat, lease, owner id.</param>
/// <param name="Report">Receives one line per started/finished run (the worker prints them); may be null.</param>
public sealed record PipelineJobServices(
    IPipelineRunStore Store,
    TimeProvider Time,
    PipelineRunnerOptions RunnerOptions,
    Action<string>? Report
)
{
    /// <summary>Finds a pipeline by name. Default <see cref="PipelineCatalog.Find"/>; tests give their own.</summary>
    public Func<string, TimeProvider, PipelineDefinition?> Pipelines { get; init; } =
        PipelineCatalog.Find;

    /// <summary>The jobs running on the scheduler node these services belong to (set by the node).</summary>
    internal PipelineNodeJobs? Node { get; init; }
}
