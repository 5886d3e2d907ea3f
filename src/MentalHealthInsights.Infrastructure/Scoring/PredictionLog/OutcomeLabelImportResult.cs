namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>Counts of a label import: <c>Read = Accepted + Rejected</c>.</summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Accepted">Rows with an id and a Yes/No outcome.</param>
/// <param name="Rejected">Rows without an id or with another outcome value.</param>
/// <param name="PredictionsUpdated">Logged predictions that received an outcome.</param>
public sealed record OutcomeLabelImportResult(
    long Read,
    long Accepted,
    long Rejected,
    long PredictionsUpdated
);
