using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// The pipelines the hosted scheduler may run: <see cref="PipelineCatalog"/> (registered with
/// TryAdd, so a test host can give its own).
/// </summary>
/// <param name="Names">The names schedules may use.</param>
/// <param name="Find">The pipeline of a name, or null.</param>
internal sealed record SchedulerCatalog(
    IReadOnlyList<string> Names,
    Func<string, TimeProvider, PipelineDefinition?> Find
)
{
    /// <summary>The build's pipelines.</summary>
    public static SchedulerCatalog Default { get; } =
        new(PipelineCatalog.Names, PipelineCatalog.Find);
}
