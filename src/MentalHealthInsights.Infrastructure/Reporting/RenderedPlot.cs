namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>One chart rendered in both formats.</summary>
/// <param name="FileStem">File name without extension (letters, digits, '-' and '_' only).</param>
/// <param name="AltText">A text description of the chart for the HTML page.</param>
/// <param name="Png">PNG bytes.</param>
/// <param name="Svg">SVG document.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
internal sealed record RenderedPlot(
    string FileStem,
    string AltText,
    byte[] Png,
    string Svg,
    int Width,
    int Height
);
