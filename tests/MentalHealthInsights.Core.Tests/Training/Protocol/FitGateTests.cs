using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>
/// The gate bounds the fits running at once, hands slots over in arrival order with callers
/// marked <c>first</c> ahead of the others, and never loses a slot to a cancelled waiter.
/// </summary>
public sealed class FitGateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_ManyCallers_NeverMoreInsideThanSlots()
    {
        var gate = new FitGate(2);
        var inside = 0;
        var most = 0;

        await Task.WhenAll(
            Enumerable
                .Range(0, 16)
                .Select(i =>
                    Task.Run(() =>
                        gate.Run(
                            () =>
                            {
                                var now = Interlocked.Increment(ref inside);
                                InterlockedMax(ref most, now);
                                Thread.Sleep(2);
                                Interlocked.Decrement(ref inside);
                            },
                            CancellationToken.None,
                            first: i % 3 == 0
                        )
                    )
                )
        );

        // Whether two fits overlap here depends on the thread pool; that they can is the next test.
        Assert.InRange(most, 1, 2);
        Assert.Equal(0, inside);
    }

    [Fact]
    public async Task Run_TwoSlots_TwoFitsInsideAtOnceAndTheThirdQueues()
    {
        var gate = new FitGate(2);
        using var release = new ManualResetEventSlim();
        var holders = new[]
        {
            await Hold(gate, release, first: false),
            await Hold(gate, release, first: true),
        };

        var thirdRan = false;
        var third = Task.Run(() => gate.Run(() => thirdRan = true, CancellationToken.None));
        await WaitUntil(() => gate.Waiting == 1);
        Assert.False(thirdRan);

        release.Set();
        await Task.WhenAll([.. holders, third]).WaitAsync(Timeout);
        Assert.True(thirdRan);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Run_FirstCallerQueuedLast_GoesAheadOfOrdinaryWaiters()
    {
        var gate = new FitGate(1);
        using var release = new ManualResetEventSlim();
        var order = new List<string>();
        var holder = await Hold(gate, release);

        var waiters = new List<Task>();
        foreach (var (name, first) in new[] { ("a", false), ("b", false), ("chain", true) })
        {
            waiters.Add(
                Task.Run(() =>
                    gate.Run(
                        () =>
                        {
                            lock (order)
                            {
                                order.Add(name);
                            }
                        },
                        CancellationToken.None,
                        first
                    )
                )
            );
            // Queue them in this order.
            await WaitUntil(() => gate.Waiting == waiters.Count);
        }

        release.Set();
        await Task.WhenAll([holder, .. waiters]).WaitAsync(Timeout);

        Assert.Equal(["chain", "a", "b"], order);
    }

    [Fact]
    public async Task Run_CancelledWhileQueued_ThrowsAndTheSlotStillServesOthers()
    {
        var gate = new FitGate(1);
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var holder = await Hold(gate, release);
        var ranCancelled = false;
        var cancelled = Task.Run(() =>
            gate.Run(() => ranCancelled = true, cancel.Token, first: true)
        );
        await WaitUntil(() => gate.Waiting == 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.Set();
        await holder.WaitAsync(Timeout);

        // Both slots' worth of later callers get in: the cancelled waiter took nothing with it.
        var ran = 0;
        await Task.Run(() => gate.Run(() => ran++, CancellationToken.None)).WaitAsync(Timeout);
        await Task.Run(() => gate.Run(() => ran++, CancellationToken.None, first: true))
            .WaitAsync(Timeout);
        Assert.Equal(2, ran);
        Assert.False(ranCancelled);
    }

    [Fact]
    public void Run_AlreadyCancelled_ThrowsWithoutRunning()
    {
        var gate = new FitGate(1);
        var ran = false;

        Assert.Throws<OperationCanceledException>(() =>
            gate.Run(() => ran = true, new CancellationToken(canceled: true))
        );
        Assert.False(ran);
    }

    [Fact]
    public void Run_FitThrows_ReleasesItsSlot()
    {
        var gate = new FitGate(1);

        Assert.Throws<InvalidOperationException>(() =>
            gate.Run(() => throw new InvalidOperationException("fit failed"), default)
        );
        var ran = false;
        gate.Run(() => ran = true, default);

        Assert.True(ran);
    }

    // A fit that holds a slot of the gate until released; returns once it is inside.
    private static async Task<Task> Hold(
        FitGate gate,
        ManualResetEventSlim release,
        bool first = false
    )
    {
        using var inside = new ManualResetEventSlim();
        var holder = Task.Run(() =>
            gate.Run(
                () =>
                {
                    inside.Set();
                    release.Wait(Timeout);
                },
                CancellationToken.None,
                first
            )
        );
        await Task.Run(() => Assert.True(inside.Wait(Timeout), "the holder never got a slot"));
        return holder;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Timeout, "timed out waiting for the gate");
            await Task.Delay(1);
        }
    }

    private static void InterlockedMax(ref int max, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref max)) < value)
        {
            Interlocked.CompareExchange(ref max, value, seen);
        }
    }
}
