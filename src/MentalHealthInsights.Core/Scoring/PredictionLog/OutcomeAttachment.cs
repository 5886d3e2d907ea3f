namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>What one <see cref="IPredictionLogStore.AttachOutcomesAsync"/> call did.</summary>
/// <param name="Labels">Labels given.</param>
/// <param name="Matched">
/// Labels that attached to at least one logged prediction. A key's later labels in the same call
/// never match: its first label already labelled its predictions.
/// </param>
/// <param name="PredictionsUpdated">Logged predictions that got an outcome (a label may update several).</param>
public readonly record struct OutcomeAttachment(int Labels, int Matched, int PredictionsUpdated)
{
    /// <summary>Labels that found no unlabelled prediction of their key (unknown, or labelled already).</summary>
    public int Unmatched => Labels - Matched;
}
