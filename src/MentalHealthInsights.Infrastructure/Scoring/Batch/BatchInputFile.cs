using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>One input file of a job, with what identifies its version and how its name is written.</summary>
/// <param name="Path">Full path, or the <c>s3://bucket/key</c> URI of an S3 object.</param>
/// <param name="Length">Size in bytes when the job was planned.</param>
/// <param name="LastWriteTicks">Last modification time (UTC ticks) when the job was planned.</param>
/// <param name="SourceText">The file name as a CSV field (formula-neutralised, quoted when needed).</param>
/// <param name="SourceField">The same, UTF-8, followed by a comma: the start of each output line.</param>
/// <param name="Remote">The S3 object to stream from; null for a local file.</param>
/// <param name="ETag">The S3 object's ETag when the job was planned (part of the job's fingerprint); null for a local file.</param>
internal sealed record BatchInputFile(
    string Path,
    long Length,
    long LastWriteTicks,
    string SourceText,
    byte[] SourceField,
    StorageLocation? Remote = null,
    string? ETag = null
);
