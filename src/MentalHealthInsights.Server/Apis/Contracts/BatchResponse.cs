namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The answer of POST /v1/predict/batch: one result per record, in order.</summary>
/// <param name="Results">One item per record.</param>
/// <param name="Scored">How many records were scored.</param>
/// <param name="Rejected">How many records were invalid (Scored + Rejected = records sent).</param>
/// <param name="Model">The model that answered.</param>
/// <param name="RequestId">The request id.</param>
/// <param name="Disclaimer">A screening aid, not a diagnosis.</param>
internal sealed record BatchResponse(
    IReadOnlyList<BatchItem> Results,
    int Scored,
    int Rejected,
    ModelIdentity Model,
    string RequestId,
    string Disclaimer
);
