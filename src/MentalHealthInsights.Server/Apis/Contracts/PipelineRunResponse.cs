namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>GET /v1/pipelines/runs/{id}: the run and its steps in pipeline order.</summary>
internal sealed record PipelineRunResponse(
    PipelineRunItem Run,
    IReadOnlyList<PipelineStepItem> Steps
);
