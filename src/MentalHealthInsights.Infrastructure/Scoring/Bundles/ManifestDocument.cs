namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// The JSON shape of manifest.json. Members are nullable so that a missing field is reported by
/// name. Declaration order is the written order.
/// </summary>
internal sealed class ManifestDocument
{
    public int? SchemaVersion { get; init; }

    public IReadOnlyList<ManifestFileDocument?>? Files { get; init; }

    /// <summary>SHA-256 of the canonical file list (<see cref="BundleManifest.CanonicalList"/>): detects a damaged manifest.</summary>
    public string? FilesSha256 { get; init; }
}
