using System.Globalization;

namespace MentalHealthInsights.Core.Registry;

/// <summary>
/// A registered model version named the way MLflow users write it: <c>NAME@ALIAS</c> or
/// <c>NAME/VERSION</c> (the part after <c>models:/</c>), or a bare <c>NAME</c> when the caller
/// supplies a default alias. The one parser for the CLI and the model loader.
/// </summary>
/// <param name="Name">The registered model name.</param>
/// <param name="Alias">The alias, when the reference names one.</param>
/// <param name="Version">The version number, when the reference names one.</param>
public sealed record ModelReference(string Name, string? Alias, int? Version)
{
    /// <summary>
    /// Parses <paramref name="text"/>; a bare name takes <paramref name="defaultAlias"/>, or is
    /// refused when it is null. Returns null when the text is not a reference.
    /// </summary>
    public static ModelReference? TryParse(string text, string? defaultAlias = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            // NAME@ with no alias is not a reference (it used to look the empty alias up).
            return at < text.Length - 1
                ? new ModelReference(text[..at], text[(at + 1)..], null)
                : null;
        }
        var slash = text.LastIndexOf('/');
        if (slash > 0)
        {
            return int.TryParse(
                text[(slash + 1)..],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var version
            )
                ? new ModelReference(text[..slash], null, version)
                : null;
        }
        return at < 0 && text.Length > 0 && defaultAlias is not null
            ? new ModelReference(text, defaultAlias, null)
            : null;
    }

    /// <summary>Finds the version in <paramref name="registry"/> (by alias or number).</summary>
    public Task<ModelVersion> FindAsync(
        IModelRegistry registry,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Version is { } number
            ? registry.GetModelVersionAsync(Name, number, cancellationToken)
            : registry.GetModelVersionByAliasAsync(Name, Alias!, cancellationToken);
    }
}
