namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The body of POST /v1/predict/batch: up to Serving:MaxBatchRecords records.</summary>
/// <param name="Records">The records, each as in POST /v1/predict.</param>
internal sealed record BatchRequest(IReadOnlyList<PredictionRequest> Records);
