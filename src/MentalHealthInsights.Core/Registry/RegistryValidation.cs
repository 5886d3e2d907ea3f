using System.Globalization;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Registry;

/// <summary>
/// MLflow's registry validation rules (<c>mlflow/utils/validation.py</c>), shared by every
/// registry adapter. Each check throws <see cref="TrackingException"/> with
/// <see cref="TrackingErrorCode.InvalidParameterValue"/>.
/// </summary>
public static class RegistryValidation
{
    /// <summary>The longest registered model name (MLflow's database column).</summary>
    public const int MaxModelNameLength = 256;

    /// <summary>
    /// Checks a registered model name: non-empty, no surrounding spaces, ≤ 256 characters, no
    /// control characters, and neither <c>@</c> nor <c>/</c>, which <c>models:/NAME@ALIAS</c>
    /// and <c>models:/NAME/VERSION</c> use as separators (<see cref="ModelReference"/> could not
    /// name such a model again).
    /// </summary>
    public static void ValidateModelName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw TrackingException.InvalidParameter("Registered model name cannot be empty.");
        }
        if (name.Any(c => c is '@' or '/' || char.IsControl(c)))
        {
            throw TrackingException.InvalidParameter(
                "Registered model name must not contain '@', '/' or control characters (models:/NAME@ALIAS and models:/NAME/VERSION could not name it)."
            );
        }
        if (name.Trim().Length != name.Length)
        {
            throw TrackingException.InvalidParameter(
                $"Registered model name '{name}' must not start or end with spaces."
            );
        }
        if (name.Length > MaxModelNameLength)
        {
            throw TrackingException.InvalidParameter(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Registered model name exceeds the limit of {MaxModelNameLength} characters."
                )
            );
        }
    }

    /// <summary>Checks a version number: 1 or more.</summary>
    public static void ValidateVersion(int version)
    {
        if (version < 1)
        {
            throw TrackingException.InvalidParameter(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Model version must be a positive integer, got {version}."
                )
            );
        }
    }

    /// <summary>
    /// Checks an alias: non-empty, letters, digits, <c>_</c> and <c>-</c>, ≤ 255 characters, not
    /// <c>latest</c> and not <c>v&lt;digits&gt;</c> or all digits (those name versions).
    /// </summary>
    public static void ValidateAlias(string? alias)
    {
        if (string.IsNullOrEmpty(alias))
        {
            throw TrackingException.InvalidParameter(
                "Registered model alias name cannot be empty."
            );
        }
        if (!alias.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
        {
            throw TrackingException.InvalidParameter(
                $"Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-)."
            );
        }
        if (alias.Length > TrackingLimits.MaxAliasLength)
        {
            throw TrackingException.InvalidParameter(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Registered model alias name exceeds the limit of {TrackingLimits.MaxAliasLength} characters."
                )
            );
        }
        if (alias.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            throw TrackingException.InvalidParameter(
                "'latest' alias name (case insensitive) is reserved."
            );
        }
        var digits = alias[0] is 'v' or 'V' ? alias[1..] : alias;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            throw TrackingException.InvalidParameter($"Version alias name '{alias}' is reserved.");
        }
    }

    /// <summary>Checks registry tags: key rules of run tags, values ≤ 5000 characters.</summary>
    public static void ValidateTags(IReadOnlyDictionary<string, string>? tags)
    {
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            ValidateTag(key, value);
        }
    }

    /// <summary>Checks one registry tag.</summary>
    public static void ValidateTag(string? key, string? value)
    {
        TrackingValidation.ValidateKey(key, "Tag");
        TrackingValidation.ValidateValue(
            value,
            TrackingLimits.MaxRegistryTagValueLength,
            $"Tag '{key}'"
        );
    }
}
