namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// The JSON shape of metadata.json (<see cref="Core.Scoring.Bundles.ModelBundleMetadata"/>).
/// Members are nullable so that a missing field is reported by name; NaN metric values are
/// written as null. Declaration order is the written order.
/// </summary>
internal sealed class MetadataDocument
{
    public int? BundleSchemaVersion { get; init; }

    public string? ModelName { get; init; }

    public string? TrainerName { get; init; }

    public string? DisplayName { get; init; }

    public string? ModelFormat { get; init; }

    public IReadOnlyList<string>? Features { get; init; }

    public string? Target { get; init; }

    public double? Threshold { get; init; }

    public string? ThresholdStrategy { get; init; }

    public string? Calibration { get; init; }

    public Dictionary<string, IntervalDocument?>? Metrics { get; init; }

    public Dictionary<string, CvMetricDocument?>? CvMetrics { get; init; }

    public string? DataSha256 { get; init; }

    public int? Seed { get; init; }

    public Dictionary<string, string>? HyperParameters { get; init; }

    public Dictionary<string, string>? LibraryVersions { get; init; }

    public string? GitCommit { get; init; }

    public DateTimeOffset? CreatedAtUtc { get; init; }

    public bool? Promotable { get; init; }

    public string? PromotableReason { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}
