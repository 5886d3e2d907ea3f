namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Settles checked chunks strictly in input order (chunk 0, 1, 2, …) without making any thread
/// wait for its turn: a thread hands over the chunk it has checked and goes on; whichever thread
/// hands over the next chunk due settles it, and every checked chunk waiting behind it, one
/// after the other under one lock (settling is short: the duplicate-id check, counts, rejects).
/// Holds the running counts the settling carries from chunk to chunk.
/// </summary>
/// <param name="settle">Settles one chunk, given the counts before it; returns the counts after it.</param>
/// <param name="ready">Receives each settled chunk, in order.</param>
/// <param name="complete">Called once, when the reader is done and every chunk it read is settled.</param>
internal sealed class BatchSettler(
    Func<BatchChunk, BatchCounts, BatchCounts> settle,
    Action<BatchChunk> ready,
    Action complete
)
{
    private readonly object gate = new();
    private readonly Dictionary<long, BatchChunk> waiting = [];
    private long next;
    private long total = -1;
    private bool failed;

    /// <summary>The counts after the last settled chunk.</summary>
    public BatchCounts Counts { get; private set; }

    /// <summary>
    /// Takes a checked chunk; settles it now if it is the next one due (and then every waiting
    /// chunk after it), otherwise leaves it for the thread that hands over its predecessor. A
    /// chunk whose settling fails gets the error and is marked scored (the writer rethrows it);
    /// nothing after it is settled.
    /// </summary>
    public void Checked(BatchChunk chunk)
    {
        lock (gate)
        {
            waiting.Add(chunk.Sequence, chunk);
            while (!failed && waiting.Remove(next, out var due))
            {
                try
                {
                    Counts = settle(due, Counts);
                }
#pragma warning disable CA1031 // Handed to the writer thread, which rethrows it.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failed = true;
                    due.Error = e;
                    due.Scored.Set();
                    return;
                }

                next++;
                ready(due);
            }

            CompleteWhenDone();
        }
    }

    /// <summary>The reader read <paramref name="chunks"/> chunks in all.</summary>
    public void ReaderDone(long chunks)
    {
        lock (gate)
        {
            total = chunks;
            CompleteWhenDone();
        }
    }

    private void CompleteWhenDone()
    {
        if (next == total)
        {
            total = -1;
            complete();
        }
    }
}
