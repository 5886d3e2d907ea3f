namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>
/// Append-only log of predictions with outcomes attached later (the monitoring input).
/// Adapters: SQLite (default) and PostgreSQL, chosen by connection string.
/// </summary>
public interface IPredictionLogStore
{
    /// <summary>Appends entries in one transaction (all or none). Ids are assigned by the store.</summary>
    Task AppendAsync(
        IReadOnlyList<PredictionLogEntry> entries,
        CancellationToken cancellationToken
    );

    /// <summary>Streams the entries of a window in timestamp then id order.</summary>
    IAsyncEnumerable<PredictionLogEntry> ReadAsync(
        PredictionLogQuery query,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Attaches outcomes to every logged prediction of each subject key that has none yet; the
    /// first label of a key in a call wins. Returns how many labels matched (updated at least one
    /// prediction) and how many predictions were updated (unknown keys update nothing and are
    /// not errors).
    /// </summary>
    Task<OutcomeAttachment> AttachOutcomesAsync(
        IReadOnlyList<OutcomeLabel> outcomes,
        DateTimeOffset attachedAt,
        CancellationToken cancellationToken
    );
}
