namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// The raw content of a bundle, read from a folder or an archive, before verification: the
/// top-level files by name, and anything else that was found (subfolders, nested entries).
/// </summary>
internal sealed class BundleFiles
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of subfolders or nested entries: never part of a bundle.</summary>
    public List<string> Nested { get; } = [];
}
