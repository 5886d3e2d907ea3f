using MentalHealthInsights.Core.Artifacts;

namespace MentalHealthInsights.Infrastructure.Artifacts;

/// <summary>
/// A local directory to log as artifacts (<c>LogArtifactsAsync</c> of every artifact store): its
/// sub-directories and files with their artifact paths under the prefix, every name checked
/// (<see cref="ArtifactPath"/>) before the store writes anything, so a bad name leaves nothing
/// half-copied. Files are in ordinal order of their artifact paths.
/// </summary>
internal static class LocalArtifactTree
{
    /// <exception cref="DirectoryNotFoundException"><paramref name="localDirectory"/> does not exist.</exception>
    public static (
        string Prefix,
        IReadOnlyList<string> Directories,
        IReadOnlyList<(string Local, string Relative)> Files
    ) Read(string localDirectory, string? artifactPath)
    {
        if (!Directory.Exists(localDirectory))
        {
            throw new DirectoryNotFoundException(
                $"The directory to log as artifacts does not exist: '{localDirectory}'."
            );
        }
        var prefix = ArtifactPath.Normalize(artifactPath);
        var source = Path.GetFullPath(localDirectory);
        var directories = Directory
            .EnumerateDirectories(source, "*", SearchOption.AllDirectories)
            .Select(d => ArtifactPath.Combine(prefix, Relative(source, d)))
            .ToList();
        var files = Directory
            .EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => (Local: f, Relative: ArtifactPath.Combine(prefix, Relative(source, f))))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        return (prefix, directories, files);
    }

    private static string Relative(string root, string local) =>
        ArtifactPath.Normalize(
            Path.GetRelativePath(root, local).Replace(Path.DirectorySeparatorChar, '/')
        );
}
