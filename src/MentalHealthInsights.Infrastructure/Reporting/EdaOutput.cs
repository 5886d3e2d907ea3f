namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>The files an EDA report was written to.</summary>
/// <param name="HtmlPath">The self-contained HTML report (eda.html).</param>
/// <param name="JsonPath">Every number of the report as JSON (eda.json).</param>
/// <param name="PlotPaths">Each plot as PNG and SVG under plots/.</param>
public sealed record EdaOutput(string HtmlPath, string JsonPath, IReadOnlyList<string> PlotPaths);
