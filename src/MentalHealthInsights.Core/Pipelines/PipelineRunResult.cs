namespace MentalHealthInsights.Core.Pipelines;

/// <summary>A finished run: its record and its steps.</summary>
/// <param name="Run">The run record in its terminal state.</param>
/// <param name="Steps">The step records in pipeline order.</param>
public sealed record PipelineRunResult(PipelineRunRecord Run, IReadOnlyList<StepRunRecord> Steps);
