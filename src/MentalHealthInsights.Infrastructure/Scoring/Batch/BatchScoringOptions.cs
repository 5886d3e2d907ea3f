using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring.Batch;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>What one batch-scoring job reads, writes and how (see docs/batch-scoring.md).</summary>
public sealed record BatchScoringOptions
{
    /// <summary>
    /// A CSV file, or a folder whose top-level <c>*.csv</c> files are read in ordinal name order
    /// (output and rejects files of this job are never taken as input). Also
    /// <c>s3://bucket/key</c> (one object, streamed) or <c>s3://bucket/prefix/</c> (the
    /// <c>*.csv</c> objects directly under the prefix, in key order, like a folder); a key
    /// without the trailing <c>/</c> that names no object is taken as a prefix.
    /// </summary>
    public required string Input { get; init; }

    /// <summary>
    /// The output CSV; written as <c>OUTPUT.partial</c> and renamed when the job completes. An
    /// <c>s3://bucket/key</c> output is built in <see cref="WorkDirectory"/> (with its checkpoint)
    /// and uploaded (multipart) only when the job completes.
    /// </summary>
    public required string Output { get; init; }

    /// <summary>
    /// The rejects CSV (a path or <c>s3://bucket/key</c>); default (null): the output path or
    /// URI with ".rejects.csv" instead of its extension.
    /// </summary>
    public string? Rejects { get; init; }

    /// <summary>
    /// The local folder where S3 outputs are built before their upload: the partial files and
    /// the checkpoint of <c>s3://bucket/key</c> are <c>WORK/s3/bucket/key.partial</c> and
    /// <c>WORK/s3/bucket/key.checkpoint.json</c>, so a killed job resumes from there. Default
    /// (null): <c>.mhi-batch</c> in the current folder. Unused when both outputs are local.
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The S3 client for s3:// locations; default (null): <see cref="S3Connection.Default"/> (configured from the environment).</summary>
    public S3Connection? S3 { get; init; }

    /// <summary>
    /// Continue from <c>OUTPUT.checkpoint.json</c> when it exists and belongs to the same job
    /// (same inputs, model, options and key); default false: start over.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>The share of the input to score; default <see cref="BatchPartition.Whole"/>.</summary>
    public BatchPartition Partition { get; init; } = BatchPartition.Whole;

    /// <summary>
    /// The key of the keyed hash (HMAC-SHA-256, ≥ 16 bytes) that replaces each User_ID in the
    /// output. Required unless <see cref="RawIds"/> is set.
    /// </summary>
    public byte[]? PseudonymisationKey { get; init; }

    /// <summary>Write User_ID as given instead of its pseudonym (opt-in; default false).</summary>
    public bool RawIds { get; init; }

    /// <summary>
    /// The timestamp written on every row; default (null): the job's start, from the clock. One
    /// value per job (kept across resumes) so that a resumed job writes the same bytes.
    /// </summary>
    public DateTimeOffset? ScoredAt { get; init; }

    /// <summary>
    /// Data rows per chunk (the unit of parallel scoring and of checkpoints); default 4,096,
    /// 1 to <see cref="MaxChunkRows"/>.
    /// </summary>
    public int ChunkRows { get; init; } = 4096;

    /// <summary>
    /// Scoring threads; default the number of processors (at most <see cref="MaxParallelism"/>),
    /// 1 to <see cref="MaxParallelism"/>.
    /// </summary>
    public int Parallelism { get; init; } = Math.Min(Environment.ProcessorCount, MaxParallelism);

    /// <summary>The largest <see cref="ChunkRows"/>: 1,000,000.</summary>
    public const int MaxChunkRows = 1_000_000;

    /// <summary>The largest <see cref="Parallelism"/>: 1,024 (as for XGBoost's native threads).</summary>
    public const int MaxParallelism = 1024;

    /// <summary>
    /// The largest <see cref="RowsInFlight"/>: 16,777,216 rows. The chunks are allocated up front,
    /// so without this bound a large chunk size times many threads fails on memory before the
    /// first row is read.
    /// </summary>
    public const long MaxRowsInFlight = 1L << 24;

    /// <summary>
    /// The rows the job's pool of chunks holds at once, (2 × <see cref="Parallelism"/> + 2) ×
    /// <see cref="ChunkRows"/>: the part of memory that the options choose (docs/batch-scoring.md).
    /// </summary>
    public long RowsInFlight => (long)PoolChunks(Parallelism) * ChunkRows;

    /// <summary>The chunks of the pool: two per scoring thread (one being read, one being scored) and two for the reader and the writer.</summary>
    internal static int PoolChunks(int parallelism) => (2 * parallelism) + 2;

    /// <summary>Row validation rules; default <see cref="ValidationOptions.Default"/>.</summary>
    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;

    /// <summary>The rejects path or s3:// URI in effect (<see cref="Rejects"/> or its default).</summary>
    public string RejectsPath =>
        Rejects is { } rejects
            ? (StorageLocation.IsS3(rejects) ? rejects.Trim() : Path.GetFullPath(rejects))
        : StorageLocation.IsS3(Output) ? Path.ChangeExtension(Output.Trim(), ".rejects.csv")
        : Path.GetFullPath(Path.ChangeExtension(Path.GetFullPath(Output), ".rejects.csv"));

    /// <summary>The work folder in effect (<see cref="WorkDirectory"/> or its default), absolute.</summary>
    public string WorkDirectoryPath => Path.GetFullPath(WorkDirectory ?? DefaultWorkDirectory);

    /// <summary>The default <see cref="WorkDirectory"/>, relative to the current folder.</summary>
    public const string DefaultWorkDirectory = ".mhi-batch";
}
