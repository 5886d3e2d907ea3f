namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>One verified line of the manifest.</summary>
/// <param name="Path">The file's name inside the bundle.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lowercase hex.</param>
/// <param name="Bytes">The file's size.</param>
internal sealed record ManifestEntry(string Path, string Sha256, long Bytes);
