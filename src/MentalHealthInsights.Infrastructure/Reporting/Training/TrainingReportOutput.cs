namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>The files a training report was written to.</summary>
/// <param name="HtmlPath">The self-contained HTML report (training-report.html).</param>
/// <param name="JsonPath">Every number of the report as JSON (training.json).</param>
/// <param name="PlotPaths">Each plot as PNG and SVG under plots/ (empty when nothing was trained).</param>
public sealed record TrainingReportOutput(
    string HtmlPath,
    string JsonPath,
    IReadOnlyList<string> PlotPaths
);
