namespace MentalHealthInsights.Core.Pipelines;

/// <summary>A parameter a pipeline accepts (<c>--param name=value</c>), with its default.</summary>
/// <param name="Name">The name steps declare as an input.</param>
/// <param name="DefaultValue">The value when not given; null means required.</param>
/// <param name="Description">One line for <c>mhi pipeline run --help</c> and the docs.</param>
public sealed record PipelineParameter(string Name, string? DefaultValue, string Description)
{
    /// <summary>
    /// Checks a value before a run is created: null when usable, else the problem as one
    /// sentence naming the parameter. Null (the default) accepts any text. The pipeline's steps
    /// parse the value with the same code, so what passes here never fails there as malformed.
    /// </summary>
    public Func<string, string?>? Check { get; init; }
}
