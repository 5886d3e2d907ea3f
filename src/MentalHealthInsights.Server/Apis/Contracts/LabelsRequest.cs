namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The body of POST /v1/labels.</summary>
/// <param name="Labels">The outcomes to attach.</param>
internal sealed record LabelsRequest(IReadOnlyList<LabelItem>? Labels);
