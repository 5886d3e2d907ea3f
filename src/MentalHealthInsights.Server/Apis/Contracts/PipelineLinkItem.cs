namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>What a step produced elsewhere: kind "tracking-run", "report" or "model-version", and its id, path or URI.</summary>
internal sealed record PipelineLinkItem(string Kind, string Value);
