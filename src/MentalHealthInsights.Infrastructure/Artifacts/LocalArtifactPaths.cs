using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Artifacts;

/// <summary>
/// Maps a checked artifact path onto a local folder (the local store's root, or a download
/// destination), refusing anything that would leave it. The one place both artifact stores use.
/// </summary>
internal static class LocalArtifactPaths
{
    /// <summary>
    /// The full local path of <paramref name="relative"/> under <paramref name="root"/>. The prefix
    /// test guards against anything the artifact path rules missed (e.g. a platform separator).
    /// </summary>
    public static string Under(string root, string relative)
    {
        if (relative.Length == 0)
        {
            return root;
        }
        var full = Path.GetFullPath(
            Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar))
        );
        var prefix = root.EndsWith(Path.DirectorySeparatorChar)
            ? root
            : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"Invalid artifact path '{relative}': it leaves the folder it belongs under."
            );
        }
        return full;
    }
}
