namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What a retraining request led to.</summary>
/// <param name="Started">True when training ran (or was queued).</param>
/// <param name="TrainingRunId">The training's tracking run id; null when none.</param>
/// <param name="RegisteredModel">The registered model, when a version was registered.</param>
/// <param name="Version">The new version, when registered.</param>
/// <param name="Promoted">True when the promotion gate made the new version champion.</param>
/// <param name="PromotionReason">The gate's reason (or why no gate decision was made).</param>
/// <param name="Error">What went wrong; null when nothing did.</param>
public sealed record RetrainingOutcome(
    bool Started,
    string? TrainingRunId,
    string? RegisteredModel,
    int? Version,
    bool Promoted,
    string? PromotionReason,
    string? Error
)
{
    /// <summary>An outcome for a request that could not start.</summary>
    public static RetrainingOutcome Failed(string error) =>
        new(false, null, null, null, false, null, error);
}
