namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// Counts of a label import: <c>Read = Accepted + Rejected</c> and
/// <c>Accepted = Matched + Unmatched + Duplicates</c>; <see cref="Conflicting"/> rows are among
/// the rejected.
/// </summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Accepted">Rows with the header's field count, an id and a Yes/No outcome, not conflicting.</param>
/// <param name="Rejected">Rows rejected (each written to the rejects CSV with its line and reason).</param>
/// <param name="Matched">First labels of a person that attached to at least one logged prediction.</param>
/// <param name="Unmatched">First labels of a person that found no unlabelled prediction of that id.</param>
/// <param name="Duplicates">Later rows of a person with the same outcome again (ignored).</param>
/// <param name="Conflicting">Later rows of a person with another outcome (rejected; the first kept).</param>
/// <param name="PredictionsUpdated">Logged predictions that received an outcome.</param>
public sealed record OutcomeLabelImportResult(
    long Read,
    long Accepted,
    long Rejected,
    long Matched,
    long Unmatched,
    long Duplicates,
    long Conflicting,
    long PredictionsUpdated
);
