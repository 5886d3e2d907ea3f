namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Lets the scoring threads settle chunks one at a time in input order (chunk 0, 1, 2, …) while
/// they check and score them in parallel, and holds the running counts the settling carries
/// from chunk to chunk (read and written only inside a turn).
/// </summary>
internal sealed class BatchSettleTurn
{
    private readonly object gate = new();
    private long next;

    /// <summary>The counts after the last settled chunk.</summary>
    public BatchCounts Counts { get; set; }

    /// <summary>Waits until every chunk before <paramref name="sequence"/> is settled.</summary>
    /// <exception cref="OperationCanceledException">The job stopped while waiting.</exception>
    public void Enter(long sequence, CancellationToken ct)
    {
        if (Volatile.Read(ref next) == sequence)
        {
            return;
        }

        using var wake = ct.UnsafeRegister(
            static state =>
            {
                lock (state!)
                {
                    Monitor.PulseAll(state);
                }
            },
            gate
        );
        lock (gate)
        {
            while (next != sequence)
            {
                ct.ThrowIfCancellationRequested();
                Monitor.Wait(gate);
            }
        }
    }

    /// <summary>Ends the current chunk's turn: the next one may settle.</summary>
    public void Leave()
    {
        lock (gate)
        {
            Volatile.Write(ref next, next + 1);
            Monitor.PulseAll(gate);
        }
    }
}
