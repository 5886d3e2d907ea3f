namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>GET /v1/pipelines/runs: the most recent runs first; <see cref="Note"/> explains an empty list.</summary>
internal sealed record PipelineRunsResponse(IReadOnlyList<PipelineRunItem> Runs, string? Note);
