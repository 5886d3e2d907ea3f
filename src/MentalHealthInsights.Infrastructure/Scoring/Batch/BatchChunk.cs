using System.Runtime.CompilerServices;
using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// One unit of work: up to <see cref="Capacity"/> consecutive data rows of the input (every
/// row, of every partition, so the duplicate-id rule and the counts are those of a full run).
/// The reader copies each row's text in; a scoring thread checks the rows
/// (<see cref="RecordValidator.TryCheck{TRow}"/>), settles them in file order (duplicate ids,
/// counts, rejects text: <see cref="BatchScoringJob"/>), scores the accepted ones and formats
/// their output lines; the writer commits them. Chunks are pooled and reused, which bounds memory.
/// </summary>
internal sealed class BatchChunk
{
    /// <summary>The row belongs to this job's partition.</summary>
    public const byte Ours = 1;

    /// <summary>The row belongs to this job's partition and comes after the resume point: it is written.</summary>
    public const byte Keep = 2;

    /// <summary>The reader already checked the row (quoted, or not of the header's width).</summary>
    public const byte Checked = 4;

    public BatchChunk(int capacity)
    {
        Capacity = capacity;
        Starts = new int[capacity + 1];
        Flags = new byte[capacity];
        Accepted = new bool[capacity];
        Rejections = new RowRejection[capacity];
        UserIdKeys = new UserIdKey[capacity];
        Records = new MentalHealthRecord[capacity];
        Lines = new int[capacity];
        Files = new int[capacity];
        Probabilities = new double[capacity];
        RejectsWriter = new StringWriter(
            Rejects,
            System.Globalization.CultureInfo.InvariantCulture
        );
        RejectsCsv = new RejectsCsvWriter(RejectsWriter);
    }

    private string[]? userIds;
    private byte[]? pseudonyms;

    public int Capacity { get; }

    /// <summary>Order of the chunk in the input (0, 1, 2, …): rows are settled chunk by chunk in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>Rows of the input in this chunk.</summary>
    public int RowCount { get; private set; }

    /// <summary>The rows' text as read (before unescaping), one after the other.</summary>
    public char[] Text { get; private set; } = new char[1 << 16];

    /// <summary>Where each row's text starts in <see cref="Text"/> (one more entry: the end).</summary>
    public int[] Starts { get; }

    /// <summary><see cref="Ours"/>, <see cref="Keep"/> and <see cref="Checked"/> per row.</summary>
    public byte[] Flags { get; }

    /// <summary>Per row, once checked: it passed every check but the duplicate-id one.</summary>
    public bool[] Accepted { get; }

    /// <summary>Per row, once checked: why it was rejected.</summary>
    public RowRejection[] Rejections { get; }

    /// <summary>Per row, once checked: its User_ID for the duplicate-id check.</summary>
    public UserIdKey[] UserIdKeys { get; }

    /// <summary>
    /// Per row once checked; after settling, the accepted records of this partition to write,
    /// in file order (the first <see cref="Count"/>).
    /// </summary>
    public MentalHealthRecord[] Records { get; }

    /// <summary>The input line of each row (after settling: of each record).</summary>
    public int[] Lines { get; }

    /// <summary>The input file (index) of each row (after settling: of each record).</summary>
    public int[] Files { get; }

    /// <summary>Each record's probability, filled by a scoring thread.</summary>
    public double[] Probabilities { get; }

    /// <summary>The records' User_IDs, gathered by a scoring thread for the pseudonymiser.</summary>
    public string[] UserIds => userIds ??= new string[Capacity];

    /// <summary>The records' pseudonyms (64 UTF-8 hex bytes each), filled by a scoring thread.</summary>
    public byte[] Pseudonyms =>
        pseudonyms ??= new byte[
            Capacity * Core.Scoring.PredictionLog.SubjectPseudonymWriter.Length
        ];

    /// <summary>Number of records to write (set when the chunk is settled).</summary>
    public int Count { get; set; }

    /// <summary>The rejects lines of this chunk's rows, already formatted.</summary>
    public StringBuilder Rejects { get; } = new();

    public StringWriter RejectsWriter { get; }

    public RejectsCsvWriter RejectsCsv { get; }

    /// <summary>Checked and settled: what is left is scoring.</summary>
    public bool Settled { get; set; }

    /// <summary>The running counts once this chunk's last row was settled (for the checkpoint).</summary>
    public BatchCounts CountsAtEnd { get; set; }

    /// <summary>The formatted output lines (UTF-8), filled by a scoring thread.</summary>
    public byte[] Output { get; set; } = new byte[1 << 16];

    public int OutputLength { get; set; }

    public long Positives { get; set; }

    /// <summary>Input progress (fraction of bytes) when the chunk was read.</summary>
    public double Progress { get; set; }

    public ManualResetEventSlim Scored { get; } = new(false);

    public Exception? Error { get; set; }

    /// <summary>Appends one input row (the reader).</summary>
    /// <returns>The row's index in the chunk.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(ReadOnlySpan<char> text, int line, int file, byte flags)
    {
        var row = RowCount++;
        var start = Starts[row];
        if (Text.Length - start < text.Length)
        {
            var grown = new char[Math.Max(2 * Text.Length, start + text.Length)];
            Text.AsSpan(0, start).CopyTo(grown);
            Text = grown;
        }

        text.CopyTo(Text.AsSpan(start));
        Starts[row + 1] = start + text.Length;
        Lines[row] = line;
        Files[row] = file;
        Flags[row] = flags;
        return row;
    }

    /// <summary>
    /// Runs every check but the duplicate-id one on row <paramref name="row"/> (shown as
    /// <paramref name="fields"/>) and keeps the outcome in the row's slots.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Check<TRow>(int row, RecordValidator validator, TRow fields)
        where TRow : IRowFields, allows ref struct
    {
        Accepted[row] = validator.TryCheck(
            fields,
            out var record,
            out Rejections[row],
            out UserIdKeys[row]
        );
        Records[row] = record!;
    }

    /// <summary>The text of row <paramref name="row"/> as read.</summary>
    public ReadOnlySpan<char> RowText(int row) =>
        Text.AsSpan(Starts[row], Starts[row + 1] - Starts[row]);

    public void Reset()
    {
        Array.Clear(Records, 0, RowCount);
        Array.Clear(Rejections, 0, RowCount);
        if (userIds is not null)
        {
            Array.Clear(userIds, 0, Count);
        }

        RowCount = 0;
        Count = 0;
        Settled = false;
        Rejects.Clear();
        CountsAtEnd = default;
        OutputLength = 0;
        Positives = 0;
        Error = null;
        Scored.Reset();
    }
}
