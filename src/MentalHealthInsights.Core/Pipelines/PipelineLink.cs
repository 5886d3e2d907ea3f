namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// Something a step produced that lives elsewhere: a tracking run, a report file, a registered
/// model version. Kinds used so far: <c>tracking-run</c>, <c>report</c>, <c>model-version</c>.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Value">Its id, path or URI.</param>
public sealed record PipelineLink(string Kind, string Value);
