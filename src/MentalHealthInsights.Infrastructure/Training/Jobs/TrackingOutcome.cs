namespace MentalHealthInsights.Infrastructure.Training.Jobs;

/// <summary>What a training job recorded in tracking and the registry (or why it could not).</summary>
/// <param name="TrackingUri">Where runs were logged.</param>
/// <param name="ParentRunId">The training's run id; null when nothing could be logged.</param>
/// <param name="RegisteredModel">The registered model name, when a version was registered.</param>
/// <param name="Version">The new version, when registered.</param>
/// <param name="PromotedToChampion">True when the version became <c>champion</c>.</param>
/// <param name="PromotionReason">Why it was or was not promoted.</param>
/// <param name="Error">What was not logged and why; null when everything was.</param>
public sealed record TrackingOutcome(
    string TrackingUri,
    string? ParentRunId,
    string? RegisteredModel,
    int? Version,
    bool PromotedToChampion,
    string? PromotionReason,
    string? Error
);
