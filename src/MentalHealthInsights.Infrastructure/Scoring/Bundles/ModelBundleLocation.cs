namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// Where a bundle is: its folder, its archive, or both (the writer returns both; a loaded bundle
/// has the one it was read from and null for the other). Full paths.
/// </summary>
/// <param name="Folder">The bundle folder, or null.</param>
/// <param name="ArchivePath">The <c>.mhib</c> archive, or null.</param>
public sealed record ModelBundleLocation(string? Folder, string? ArchivePath)
{
    /// <summary>The folder when there is one, otherwise the archive: the path to show in messages.</summary>
    public string DisplayPath => Folder ?? ArchivePath ?? string.Empty;
}
