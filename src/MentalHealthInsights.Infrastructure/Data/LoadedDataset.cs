using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>A dataset read fully into memory, with the report of how it was read.</summary>
/// <param name="Records">
/// The accepted records in file order (<c>Records.Count == Report.RowsAccepted</c>). When
/// <see cref="ValidationReport.FatalError"/> is set these are only the rows read before the
/// error (usually none): check <see cref="ValidationReport.IsReadable"/> before using them.
/// </param>
/// <param name="Report">Counts, reasons, warnings and any fatal error.</param>
public sealed record LoadedDataset(
    IReadOnlyList<MentalHealthRecord> Records,
    ValidationReport Report
)
{
    /// <summary>
    /// SHA-256 (lowercase hex) of the input's bytes, when the loader computed it
    /// (<see cref="Storage.StorageDatasetLoader.LoadWithSha256"/>, for files and S3 objects alike).
    /// </summary>
    public string? DataSha256 { get; init; }
}
