namespace MentalHealthInsights.Core.Tracking;

/// <summary>Local files a training wrote, to be attached to its tracking runs.</summary>
/// <param name="ReportHtml">training-report.html.</param>
/// <param name="ReportJson">training.json.</param>
/// <param name="PlotPaths">Every plot file.</param>
/// <param name="Bundles">Model bundle folder by trainer name.</param>
/// <param name="ValidationSummaryJson">The input's validation summary (JSON), if written.</param>
/// <param name="EdaSummaryJson">The EDA summary (eda.json) of the same data, when one was made.</param>
public sealed record TrainingRunArtifacts(
    string ReportHtml,
    string ReportJson,
    IReadOnlyList<string> PlotPaths,
    IReadOnlyDictionary<string, string> Bundles,
    string? ValidationSummaryJson,
    string? EdaSummaryJson = null
);
