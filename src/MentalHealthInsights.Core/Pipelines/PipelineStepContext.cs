namespace MentalHealthInsights.Core.Pipelines;

/// <summary>What a step sees when it runs: the run, its parameters and the values of its declared inputs.</summary>
/// <param name="RunId">The pipeline run id.</param>
/// <param name="Pipeline">The pipeline name.</param>
/// <param name="Parameters">Every parameter of the run, defaults applied.</param>
/// <param name="Inputs">The values of the step's declared inputs (parameters or earlier outputs).</param>
/// <param name="Attempt">The attempt number, from 1 (0 while fingerprinting).</param>
public sealed record PipelineStepContext(
    string RunId,
    string Pipeline,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Inputs,
    int Attempt
)
{
    /// <summary>The value of declared input <paramref name="name"/>.</summary>
    public string Input(string name) =>
        Inputs.TryGetValue(name, out var value)
            ? value
            : throw new PipelineStepException($"input '{name}' was not declared by the step.");
}
