namespace MentalHealthInsights.Infrastructure.Artifacts.Local;

/// <summary>Conversions between local paths and <c>file://</c> URIs, as MLflow writes them.</summary>
public static class FileUris
{
    /// <summary>The absolute <c>file://</c> URI of a local path (percent-encoded; no trailing slash).</summary>
    public static string ToFileUri(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new Uri(Path.GetFullPath(path)).AbsoluteUri.TrimEnd('/');
    }

    /// <summary>
    /// The local path of a <c>file:</c> URI or of a plain absolute path; false for other schemes
    /// (e.g. <c>mlflow-artifacts:</c>, <c>s3:</c>, <c>http:</c>) and relative text.
    /// </summary>
    public static bool TryToLocalPath(string? uriOrPath, out string localPath)
    {
        localPath = "";
        if (string.IsNullOrWhiteSpace(uriOrPath))
        {
            return false;
        }
        if (uriOrPath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(uriOrPath, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                return false;
            }
            localPath = uri.LocalPath;
            return true;
        }
        if (Path.IsPathFullyQualified(uriOrPath))
        {
            localPath = uriOrPath;
            return true;
        }
        return false;
    }
}
