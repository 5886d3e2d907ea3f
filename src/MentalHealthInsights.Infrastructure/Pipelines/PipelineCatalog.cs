using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.BatchScoring;
using MentalHealthInsights.Infrastructure.Pipelines.Monitoring;
using MentalHealthInsights.Infrastructure.Pipelines.Training;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// Every pipeline this build can run, by name: <c>training</c>, <c>batch-scoring</c>,
/// <c>monitoring</c>. Adding one is one <see cref="IPipelineFactory"/> file and one line here.
/// </summary>
public static class PipelineCatalog
{
    /// <summary>The factories, in listing order.</summary>
    public static IReadOnlyList<IPipelineFactory> Factories { get; } =
    [new TrainingPipeline(), new BatchScoringPipeline(), new MonitoringPipeline()];

    /// <summary>The names, in listing order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Select(f => f.Name)];

    /// <summary>The pipeline called <paramref name="name"/>, or null when there is none.</summary>
    public static PipelineDefinition? Find(string name, TimeProvider time) =>
        Factories
            .FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
            ?.Create(time);
}
