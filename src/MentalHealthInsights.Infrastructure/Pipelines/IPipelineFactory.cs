using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// Builds one named pipeline wired to the services it runs. Adding a pipeline is one file
/// implementing this plus one line in <see cref="PipelineCatalog"/>.
/// </summary>
public interface IPipelineFactory
{
    /// <summary>The pipeline name (<c>mhi pipeline run NAME</c>, schedules).</summary>
    string Name { get; }

    /// <summary>The definition, on <paramref name="time"/> (report timestamps).</summary>
    PipelineDefinition Create(TimeProvider time);
}
