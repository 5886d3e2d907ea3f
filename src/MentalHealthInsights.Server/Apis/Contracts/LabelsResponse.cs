namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// The answer of POST /v1/labels. The labels received are the matched, unmatched and duplicate
/// ones together; updated counts predictions, not labels (one label updates every unlabelled
/// prediction of its User_ID).
/// </summary>
/// <param name="Received">Labels received.</param>
/// <param name="Updated">Logged predictions that got an outcome (unknown ids update nothing).</param>
/// <param name="Matched">Labels (one per User_ID) that attached to at least one logged prediction.</param>
/// <param name="Unmatched">Labels (one per User_ID) that found no unlabelled prediction of their User_ID: unknown, or labelled already.</param>
/// <param name="Duplicates">Labels repeating an earlier one of the call (same User_ID, same outcome), ignored.</param>
internal sealed record LabelsResponse(
    int Received,
    int Updated,
    int Matched,
    int Unmatched,
    int Duplicates
);
