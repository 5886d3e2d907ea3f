namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Sets ScottPlot's default font once per process. Its Linux native assets scan
/// /usr/share/fonts without fontconfig and would otherwise pick DejaVu Serif (see
/// reference/dependencies.md); DejaVu Sans ships with the base image.
/// </summary>
internal static class PlotFonts
{
    /// <summary>The font family plots use when it is installed.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Configured = new(Configure);

    /// <summary>True when <see cref="Family"/> was found and made the default.</summary>
    public static bool EnsureConfigured() => Configured.Value;

    private static bool Configure()
    {
        var typeface = ScottPlot.Fonts.GetTypeface(Family, bold: false, italic: false);
        if (
            typeface is null
            || !string.Equals(typeface.FamilyName, Family, StringComparison.Ordinal)
        )
        {
            // Keep ScottPlot's own choice rather than name a font that would render nothing.
            return false;
        }

        ScottPlot.Fonts.Default = Family;
        return true;
    }
}
