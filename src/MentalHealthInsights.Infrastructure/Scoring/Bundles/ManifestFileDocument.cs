namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>One file of manifest.json: its name in the bundle, SHA-256 (lowercase hex) and size.</summary>
internal sealed class ManifestFileDocument
{
    public string? Path { get; init; }

    public string? Sha256 { get; init; }

    public long? Bytes { get; init; }
}
