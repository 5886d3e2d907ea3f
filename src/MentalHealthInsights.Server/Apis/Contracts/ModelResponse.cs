namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The answer of GET /v1/model: the served model's metadata.</summary>
internal sealed record ModelResponse
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public string? Alias { get; init; }
    public required string Reference { get; init; }
    public required string Trainer { get; init; }
    public required string DisplayName { get; init; }
    public required DateTimeOffset TrainedAtUtc { get; init; }
    public required DateTimeOffset LoadedAtUtc { get; init; }
    public required double Threshold { get; init; }
    public required string ThresholdStrategy { get; init; }
    public string? Calibration { get; init; }
    public required IReadOnlyDictionary<string, MetricInterval> Metrics { get; init; }
    public required IReadOnlyDictionary<string, CvMetric> CvMetrics { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required IReadOnlyList<string> ModifiableFeatures { get; init; }
    public required string BundleSha256 { get; init; }
    public required bool Promotable { get; init; }
    public required string PromotableReason { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required string Disclaimer { get; init; }
}
