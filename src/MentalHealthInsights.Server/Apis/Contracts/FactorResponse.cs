namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>One contributing factor of a prediction, in plain words.</summary>
/// <param name="Feature">The original column, e.g. Stress_Level.</param>
/// <param name="Value">The record's value as text (shown to the requester, never logged).</param>
/// <param name="Direction">"raises" or "lowers" the estimated risk.</param>
/// <param name="LogOdds">The size of the contribution, in log-odds of the raw model.</param>
/// <param name="Sentence">A plain sentence describing the factor.</param>
internal sealed record FactorResponse(
    string Feature,
    string Value,
    string Direction,
    double LogOdds,
    string Sentence
);
