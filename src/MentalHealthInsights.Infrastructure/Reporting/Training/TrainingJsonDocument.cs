using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>The shape of training.json: the report with when it was written and its plots.</summary>
internal sealed record TrainingJsonDocument
{
    /// <summary>Bumped when a field of this wrapper is renamed or removed (the report has its own SchemaVersion).</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>When the files were written (from the injected TimeProvider).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The project's disclaimer.</summary>
    public string Disclaimer { get; init; } = HtmlReportBuilder.Disclaimer;

    /// <summary>True when the HTML opens with <see cref="TrainingReport.NoSignalHeadline"/>.</summary>
    public required bool NoModelBeatsChance { get; init; }

    /// <summary>The plot files, relative to the report folder (forward slashes).</summary>
    public required IReadOnlyList<string> Plots { get; init; }

    /// <summary>Every number the HTML shows (and more: curves, folds, trials).</summary>
    public required TrainingReport Report { get; init; }
}
