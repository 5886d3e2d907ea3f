using System.Collections.Concurrent;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

public sealed class BatchSettlerTests
{
    [Fact]
    public void Checked_OutOfOrderFromManyThreads_SettlesInOrderChainsCountsAndCompletesOnce()
    {
        const int Chunks = 500;
        var settledOrder = new ConcurrentQueue<long>();
        var readyOrder = new List<long>();
        var completions = 0;
        var settler = new BatchSettler(
            (chunk, counts) =>
            {
                settledOrder.Enqueue(chunk.Sequence);
                // Each chunk "reads" sequence + 1 rows: the chain of counts proves the order.
                return counts with { Read = counts.Read + chunk.Sequence + 1 };
            },
            c => readyOrder.Add(c.Sequence),
            () => Interlocked.Increment(ref completions)
        );
        var chunks = Enumerable
            .Range(0, Chunks)
            .Select(i => new BatchChunk(1) { Sequence = i })
            .ToArray();
        var random = new Random(17);
        var shuffled = chunks.OrderBy(_ => random.Next()).ToArray();

        Parallel.ForEach(
            shuffled,
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            settler.Checked
        );
        Assert.Equal(0, completions);
        settler.ReaderDone(Chunks);

        Assert.Equal(1, completions);
        Assert.Equal(Enumerable.Range(0, Chunks).Select(i => (long)i), settledOrder);
        Assert.Equal(Enumerable.Range(0, Chunks).Select(i => (long)i), readyOrder);
        Assert.Equal((long)Chunks * (Chunks + 1) / 2, settler.Counts.Read);
    }

    [Fact]
    public void Checked_SettleFails_ThatChunkGetsTheErrorAndNothingAfterItIsSettled()
    {
        var ready = new List<long>();
        var completions = 0;
        var settler = new BatchSettler(
            (chunk, counts) =>
                chunk.Sequence == 1
                    ? throw new InvalidOperationException("input changed")
                    : counts with
                    {
                        Read = counts.Read + 1,
                    },
            c => ready.Add(c.Sequence),
            () => completions++
        );
        var chunks = Enumerable
            .Range(0, 4)
            .Select(i => new BatchChunk(1) { Sequence = i })
            .ToArray();

        settler.Checked(chunks[2]);
        settler.Checked(chunks[0]);
        settler.Checked(chunks[1]);
        settler.Checked(chunks[3]);
        settler.ReaderDone(4);

        Assert.Equal([0L], ready);
        Assert.IsType<InvalidOperationException>(chunks[1].Error);
        Assert.True(chunks[1].Scored.IsSet);
        Assert.False(chunks[2].Scored.IsSet);
        Assert.Equal(0, completions);
        Assert.Equal(1, settler.Counts.Read);
    }
}
