using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.BatchScoring;
using MentalHealthInsights.Infrastructure.Pipelines.Training;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// Every pipeline this build can run, by name. Only pipelines whose steps really work are
/// listed: <c>batch-scoring</c> and <c>monitoring</c> join when their services exist (one
/// <see cref="IPipelineFactory"/> file and one line here each).
/// </summary>
public static class PipelineCatalog
{
    /// <summary>The factories, in listing order.</summary>
    public static IReadOnlyList<IPipelineFactory> Factories { get; } =
    [new TrainingPipeline(), new BatchScoringPipeline()];

    /// <summary>The names, in listing order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Select(f => f.Name)];

    /// <summary>The pipeline called <paramref name="name"/>, or null when there is none.</summary>
    public static PipelineDefinition? Find(string name, TimeProvider time) =>
        Factories
            .FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
            ?.Create(time);
}
