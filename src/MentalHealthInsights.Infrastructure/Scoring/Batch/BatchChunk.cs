using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// One unit of work: up to <see cref="Capacity"/> consecutive data rows. The reader fills the
/// records (and the rejects text, in row order), a scoring thread formats the output bytes,
/// the writer commits both. Chunks are pooled and reused, which bounds memory.
/// </summary>
internal sealed class BatchChunk
{
    public BatchChunk(int capacity)
    {
        Capacity = capacity;
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

    /// <summary>Accepted records of this partition, in file order.</summary>
    public MentalHealthRecord[] Records { get; }

    /// <summary>The input line of each record.</summary>
    public int[] Lines { get; }

    /// <summary>The input file (index) of each record.</summary>
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

    /// <summary>Number of accepted records.</summary>
    public int Count { get; set; }

    /// <summary>The rejects lines of this chunk's rows, already formatted.</summary>
    public StringBuilder Rejects { get; } = new();

    public StringWriter RejectsWriter { get; }

    public RejectsCsvWriter RejectsCsv { get; }

    /// <summary>The reader's running counts once this chunk's last row was read (for the checkpoint).</summary>
    public BatchCounts CountsAtEnd { get; set; }

    /// <summary>The formatted output lines (UTF-8), filled by a scoring thread.</summary>
    public byte[] Output { get; set; } = new byte[1 << 16];

    public int OutputLength { get; set; }

    public long Positives { get; set; }

    /// <summary>Input progress (fraction of bytes) when the chunk was read.</summary>
    public double Progress { get; set; }

    public ManualResetEventSlim Scored { get; } = new(false);

    public Exception? Error { get; set; }

    public void Reset()
    {
        Array.Clear(Records, 0, Count);
        if (userIds is not null)
        {
            Array.Clear(userIds, 0, Count);
        }

        Count = 0;
        Rejects.Clear();
        CountsAtEnd = default;
        OutputLength = 0;
        Positives = 0;
        Error = null;
        Scored.Reset();
    }
}
