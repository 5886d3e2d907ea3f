using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// <see cref="DatasetLoader"/> for any storage location: a local file is read as before; an S3
/// object is streamed into the validator as it arrives (one pass, never staged on disk nor
/// held whole in memory, only its accepted records are). For commands that read a dataset once
/// (<c>mhi eda</c>, <c>mhi monitor</c>); <see cref="LoadWithSha256"/> also hashes the input's
/// bytes, which eda.json records.
/// </summary>
public static class StorageDatasetLoader
{
    /// <summary>Reads, validates and collects every accepted record of <paramref name="input"/>.</summary>
    /// <param name="input">A local file or an S3 object.</param>
    /// <param name="options">Validation rules; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <param name="rejectsPath">A local path for the rejects CSV (it appears complete when reading succeeded, never partial); null to skip it.</param>
    /// <param name="progress">Fraction of the bytes read (0..1), at most ~100 reports.</param>
    /// <param name="ct">Cancels reading (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="FileNotFoundException">No such file, object or bucket (the message names it and the S3 error code).</exception>
    /// <exception cref="StorageException">Access denied, no credentials, endpoint unreachable, download interrupted.</exception>
    public static LoadedDataset Load(
        StorageLocation input,
        ValidationOptions? options = null,
        string? rejectsPath = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    ) => Load(input, options, TargetRequirement.Required, rejectsPath, progress, sha256: false, ct);

    /// <summary>
    /// <see cref="Load(StorageLocation, ValidationOptions?, string?, IProgress{double}?, CancellationToken)"/>
    /// with an explicit <paramref name="target"/> rule: <see cref="TargetRequirement.Optional"/>
    /// reads an input without the outcome column as unlabelled data
    /// (<see cref="ValidationReport.Unlabelled"/>). For <c>mhi monitor</c>'s current data only.
    /// </summary>
    public static LoadedDataset Load(
        StorageLocation input,
        ValidationOptions? options,
        TargetRequirement target,
        string? rejectsPath = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    ) => Load(input, options, target, rejectsPath, progress, sha256: false, ct);

    /// <summary>
    /// <see cref="Load(StorageLocation, ValidationOptions?, string?, IProgress{double}?, CancellationToken)"/>,
    /// and the SHA-256 of the input's bytes in <see cref="LoadedDataset.DataSha256"/> (for a
    /// readable input): an S3 object is hashed as it streams, a local file read once more (its
    /// pages are in the page cache). For commands that record what they read (<c>mhi eda</c>).
    /// </summary>
    public static LoadedDataset LoadWithSha256(
        StorageLocation input,
        ValidationOptions? options = null,
        string? rejectsPath = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default
    ) => Load(input, options, TargetRequirement.Required, rejectsPath, progress, sha256: true, ct);

    private static LoadedDataset Load(
        StorageLocation input,
        ValidationOptions? options,
        TargetRequirement target,
        string? rejectsPath,
        IProgress<double>? progress,
        bool sha256,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new CsvDatasetReader(options, target);
        var records = new List<MentalHealthRecord>();
        if (input is LocalStorageLocation local)
        {
            var dataset = new LoadedDataset(
                records,
                reader.ReadFile(local.FullPath, records.Add, rejectsPath, progress, ct)
            );
            return sha256 && dataset.Report.IsReadable
                ? dataset with
                {
                    DataSha256 = FileHash.Sha256(local.FullPath),
                }
                : dataset;
        }

        // The reader is synchronous: callers run it on a worker thread (as for local files).
        var body = input.OpenReadAsync(ct).GetAwaiter().GetResult();
        using var stream = sha256 ? new HashingReadStream(body) : body;
        var report = rejectsPath is null
            ? reader.Read(stream, records.Add, null, progress, ct)
            : reader.ReadToRejectsFile(stream, records.Add, rejectsPath, progress, ct);
        return new LoadedDataset(records, report)
        {
            DataSha256 =
                report.IsReadable && stream is HashingReadStream hashing
                    ? hashing.FinishSha256()
                    : null,
        };
    }
}
