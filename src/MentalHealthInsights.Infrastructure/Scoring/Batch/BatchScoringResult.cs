using MentalHealthInsights.Core.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// The outcome of a batch-scoring job. Counts always reconcile:
/// <c>RowsRead = RowsScored + RowsRejected + RowsInOtherPartitions</c>. Counts only, never record values.
/// </summary>
public sealed record BatchScoringResult
{
    /// <summary>Why the input could not be scored at all (no header, missing columns, …); null on success.</summary>
    public string? FatalError { get; init; }

    /// <summary>True when the job ran to the end and the output and rejects files are in place.</summary>
    public bool Completed => FatalError is null;

    /// <summary>
    /// Files of an input folder left out, one line each with the reason: empty files, and files
    /// whose first line is an mhi batch output's or rejects file's header (an earlier job's results).
    /// </summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The input files, in the order read.</summary>
    public required IReadOnlyList<string> InputFiles { get; init; }

    /// <summary>The output CSV.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The rejects CSV.</summary>
    public required string RejectsPath { get; init; }

    /// <summary>The partition scored.</summary>
    public BatchPartition Partition { get; init; } = BatchPartition.Whole;

    /// <summary>Data rows read over all inputs (blank lines are not rows).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows of this partition written to the output.</summary>
    public long RowsScored { get; init; }

    /// <summary>Rows of this partition written to the rejects file.</summary>
    public long RowsRejected { get; init; }

    /// <summary>Rows left to the other partitions.</summary>
    public long RowsInOtherPartitions { get; init; }

    /// <summary>Scored rows whose probability reached the threshold (label 1).</summary>
    public long PositiveLabels { get; init; }

    /// <summary>Data rows already committed by an earlier attempt (0 for a fresh job).</summary>
    public long ResumedAfterRows { get; init; }

    /// <summary>The timestamp written on every row.</summary>
    public DateTimeOffset ScoredAt { get; init; }

    /// <summary>The model that scored the rows.</summary>
    public required BatchModelIdentity Model { get; init; }

    /// <summary>Wall-clock time of this attempt.</summary>
    public TimeSpan Elapsed { get; init; }
}
