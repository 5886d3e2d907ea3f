namespace MentalHealthInsights.Core.Pipelines;

/// <summary>What a successful step attempt produced.</summary>
/// <param name="Outputs">Values for the step's declared outputs (paths, hashes, counts), passed to later steps.</param>
/// <param name="Links">Tracking runs, reports and model versions to record with the step.</param>
/// <param name="Message">A one-line summary for the run record (no record values).</param>
public sealed record StepOutcome(
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<PipelineLink> Links,
    string? Message
);
