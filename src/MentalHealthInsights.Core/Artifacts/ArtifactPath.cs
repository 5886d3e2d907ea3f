using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Artifacts;

/// <summary>
/// The rules for artifact paths, shared by every artifact store: relative, <c>/</c>-separated,
/// no <c>..</c> or <c>.</c> segment, no empty segment, no backslash, no drive letter or leading
/// <c>/</c>, no control character. Violations are <see cref="TrackingException"/>s with
/// <see cref="TrackingErrorCode.InvalidParameterValue"/> (MLflow answers "Invalid path" too).
/// </summary>
public static class ArtifactPath
{
    /// <summary>
    /// The checked path without a trailing <c>/</c>; <c>""</c> for the root (null, empty or <c>"."</c>).
    /// </summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path) || path is "." or "./")
        {
            return "";
        }
        if (path.Contains('\\', StringComparison.Ordinal))
        {
            throw Invalid(path, "backslashes are not allowed; use '/'");
        }
        if (path[0] == '/' || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            throw Invalid(path, "absolute paths are not allowed");
        }
        if (path.Any(char.IsControl))
        {
            throw Invalid(path, "control characters are not allowed");
        }
        var trimmed = path.EndsWith('/') ? path[..^1] : path;
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment == "..")
            {
                throw Invalid(path, "'..' segments are not allowed");
            }
            if (segment.Length == 0 || segment == ".")
            {
                throw Invalid(path, "empty and '.' segments are not allowed");
            }
        }
        return trimmed;
    }

    /// <summary>Checks a single file or directory name (no <c>/</c>).</summary>
    public static string NormalizeName(string name)
    {
        var normalized = Normalize(name);
        if (normalized.Length == 0 || normalized.Contains('/', StringComparison.Ordinal))
        {
            throw Invalid(name, "expected a single name");
        }
        return normalized;
    }

    /// <summary>Joins two checked paths with <c>/</c> (either may be the root, <c>""</c>).</summary>
    public static string Combine(string parent, string child)
    {
        var left = Normalize(parent);
        var right = Normalize(child);
        return left.Length == 0 ? right
            : right.Length == 0 ? left
            : left + "/" + right;
    }

    private static TrackingException Invalid(string path, string reason) =>
        new(TrackingErrorCode.InvalidParameterValue, $"Invalid artifact path '{path}': {reason}.");
}
