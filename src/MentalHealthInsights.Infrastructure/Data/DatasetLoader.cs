using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Loads a whole dataset file into memory through <see cref="CsvDatasetReader"/>. For files too
/// large to hold, stream with <see cref="CsvDatasetReader.ReadFile"/> instead.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Reads, validates and collects every accepted record of the file at <paramref name="path"/>.</summary>
    /// <param name="path">The input CSV (never modified).</param>
    /// <param name="options">Validation rules; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <param name="rejectsPath">Where to write the rejects CSV; null to skip it.</param>
    /// <param name="progress">Fraction of the file's bytes read (0..1), at most ~100 reports.</param>
    /// <param name="ct">Cancels reading (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    public static LoadedDataset Load(
        string path,
        ValidationOptions? options = null,
        string? rejectsPath = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    )
    {
        var records = new List<MentalHealthRecord>();
        var report = new CsvDatasetReader(options).ReadFile(
            path,
            records.Add,
            rejectsPath,
            progress,
            ct
        );
        return new LoadedDataset(records, report);
    }
}
