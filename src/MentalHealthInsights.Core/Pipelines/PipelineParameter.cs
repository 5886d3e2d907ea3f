namespace MentalHealthInsights.Core.Pipelines;

/// <summary>A parameter a pipeline accepts (<c>--param name=value</c>), with its default.</summary>
/// <param name="Name">The name steps declare as an input.</param>
/// <param name="DefaultValue">The value when not given; null means required.</param>
/// <param name="Description">One line for <c>mhi pipeline run --help</c> and the docs.</param>
public sealed record PipelineParameter(string Name, string? DefaultValue, string Description);
