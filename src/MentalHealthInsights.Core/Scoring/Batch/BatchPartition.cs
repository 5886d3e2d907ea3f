using System.Globalization;

namespace MentalHealthInsights.Core.Scoring.Batch;

/// <summary>
/// A deterministic share of a batch input, written <c>I/N</c> (0 ≤ I &lt; N): data row r (0-based,
/// counted over all input files in order, blank lines excluded) belongs to partition r mod N. The
/// N partitions are disjoint and their union is the whole input, whatever machine runs each one,
/// so N workers (an AWS Batch array job of size N passing <c>$AWS_BATCH_JOB_ARRAY_INDEX/N</c>,
/// or N EC2 instances) can split one input. <see cref="Whole"/> (0/1) is everything.
/// </summary>
public readonly record struct BatchPartition
{
    /// <summary>Creates partition <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1, or index outside [0, count).</exception>
    public BatchPartition(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The whole input: partition 0 of 1.</summary>
    public static BatchPartition Whole => new(0, 1);

    /// <summary>This partition's number, 0-based.</summary>
    public int Index { get; }

    /// <summary>How many partitions the input is split into (default struct value 0 means 1).</summary>
    public int Count
    {
        get => field == 0 ? 1 : field;
    }

    /// <summary>True when data row <paramref name="rowIndex"/> (0-based) belongs to this partition.</summary>
    public bool Contains(long rowIndex) => rowIndex % Count == Index;

    /// <summary>Parses <c>I/N</c>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out BatchPartition partition, out string? error)
    {
        partition = Whole;
        var parts = (text ?? string.Empty).Split('/');
        if (
            parts.Length != 2
            || !int.TryParse(
                parts[0],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var index
            )
            || !int.TryParse(
                parts[1],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var count
            )
        )
        {
            error = "A partition is written I/N with whole numbers, e.g. 0/4 (the first of four).";
            return false;
        }

        if (count < 1 || index >= count)
        {
            error =
                "A partition I/N needs N ≥ 1 and 0 ≤ I < N (I counts from 0, as AWS Batch array indexes do).";
            return false;
        }

        partition = new BatchPartition(index, count);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
