using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>One chart rendered in both formats.</summary>
/// <param name="FileStem">File name without extension (letters, digits, '-' and '_' only).</param>
/// <param name="AltText">A text description of the chart for the HTML page.</param>
/// <param name="Png">PNG bytes.</param>
/// <param name="Svg">SVG document.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
internal sealed partial record RenderedPlot(
    string FileStem,
    string AltText,
    byte[] Png,
    string Svg,
    int Width,
    int Height
)
{
    /// <summary>
    /// Renders <paramref name="plot"/> as PNG and SVG under a safe file stem. Skia numbers the
    /// SVG's clip paths from a process-wide counter (<c>cl_1de</c>), so the same plot's SVG
    /// depended on what the process had drawn before and, for plots rendered side by side, on
    /// the threads' timing; the ids are renumbered <c>STEM-clip-N</c> in order of appearance,
    /// which keeps them unique across a report's plots and makes the bytes a function of the
    /// plot alone.
    /// </summary>
    public static RenderedPlot Render(Plot plot, string stem, string altText, int width, int height)
    {
        var safeStem = SafeStem(stem);
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        string svg = RenumberClipIds(plot.GetSvgXml(width, height), safeStem);
        return new RenderedPlot(safeStem, altText, png, svg, width, height);
    }

    /// <summary>Letters, digits, '-' and '_' only, so a model name can never leave plots/.</summary>
    private static string SafeStem(string stem)
    {
        var safe = new StringBuilder(stem.Length);
        foreach (char c in stem)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return safe.Length == 0 ? "plot" : safe.ToString();
    }

    internal static string RenumberClipIds(string svg, string stem)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId()
            .Replace(
                svg,
                match =>
                {
                    if (!ids.TryGetValue(match.Value, out var id))
                    {
                        id = $"{stem}-clip-{ids.Count}";
                        ids.Add(match.Value, id);
                    }

                    return id;
                }
            );
    }

    // A Skia clip-path id where it is declared (id="cl_…") or used (url(#cl_…)).
    [GeneratedRegex("""(?<=id="|url\(#)cl_[0-9a-f]+(?=[")])""", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
