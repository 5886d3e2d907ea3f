namespace MentalHealthInsights.Core.Tracking;

/// <summary>The tracking runs of one training: the parent and one child per model.</summary>
/// <param name="ExperimentId">The experiment the runs belong to.</param>
/// <param name="ParentRunId">The run of the whole training.</param>
/// <param name="ChildRunIds">Run id by trainer name.</param>
public sealed record RecordedTraining(
    string ExperimentId,
    string ParentRunId,
    IReadOnlyDictionary<string, string> ChildRunIds
);
