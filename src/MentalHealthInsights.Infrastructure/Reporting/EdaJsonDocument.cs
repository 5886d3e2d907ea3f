using MentalHealthInsights.Core.Eda;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>The shape of eda.json: the report with when and from what it was made.</summary>
internal sealed record EdaJsonDocument
{
    /// <summary>The <see cref="FormatVersion"/> this code writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Bumped when a field is renamed or removed.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>When the report was written (from the injected TimeProvider).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The input's name as given by the caller, if any.</summary>
    public string? Input { get; init; }

    /// <summary>
    /// SHA-256 (lowercase hex) of the input's bytes: <c>mhi train --eda-summary</c> refuses an
    /// eda.json of other data. Absent from files written before it was recorded.
    /// </summary>
    public string? DataSha256 { get; init; }

    /// <summary>The project's disclaimer.</summary>
    public string Disclaimer { get; init; } = HtmlReportBuilder.Disclaimer;

    /// <summary>Every number the HTML shows.</summary>
    public required EdaReport Report { get; init; }
}
