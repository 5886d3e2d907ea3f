using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentalHealthInsights.Server.Tests.PredictionLogging;

/// <summary>
/// The writer's cadence, on a recording store and a clock whose timers fire only on demand:
/// full batches back to back, a pause of FlushInterval after a smaller one, and a drain on stop.
/// </summary>
public sealed class PredictionLogWriterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Execute_PartialBatch_PausesForTheFlushIntervalThenWritesWhatGathered()
    {
        var (queue, store, clock, writer) = Create(batchSize: 10);
        Enqueue(queue, "a", "b", "c");

        await writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => clock.PendingCount == 1);
        Enqueue(queue, "d", "e", "f", "g", "h");
        var whilePaused = store.Batches;
        clock.FireAll();
        await WaitUntilAsync(() => store.Batches.Count == 2);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(
            [
                ["a", "b", "c"],
            ],
            whilePaused
        );
        Assert.Equal(
            [
                ["a", "b", "c"],
                ["d", "e", "f", "g", "h"],
            ],
            store.Batches
        );
        Assert.All(clock.Requested, due => Assert.Equal(Interval, due));
    }

    [Fact]
    public async Task Execute_FullBatches_WrittenBackToBackThenOnePause()
    {
        var (queue, store, clock, writer) = Create(batchSize: 2);
        Enqueue(queue, "a", "b", "c", "d", "e");

        await writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => clock.PendingCount == 1);
        var written = store.Batches;
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(
            [
                ["a", "b"],
                ["c", "d"],
                ["e"],
            ],
            written
        );
        Assert.Single(clock.Requested);
    }

    [Fact]
    public async Task Stop_DuringPause_DrainsTheQueueWithoutWaiting()
    {
        var (queue, store, clock, writer) = Create(batchSize: 10);
        Enqueue(queue, "a");
        await writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => clock.PendingCount == 1);
        Enqueue(queue, "b", "c");

        // The clock never fires: only stopping can end the pause.
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(
            [
                ["a"],
                ["b", "c"],
            ],
            store.Batches
        );
        Assert.Equal(0, queue.Dropped);
    }

    [Fact]
    public async Task Execute_Writes_OnItsOwnThreadNotAThreadPoolWorker()
    {
        var (queue, store, _, writer) = Create(batchSize: 1);
        Enqueue(queue, "a", "b");

        await writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => store.Batches.Count == 2);
        await writer.StopAsync(CancellationToken.None);

        Assert.All(store.Threads, t => Assert.Equal((PredictionLogWriter.ThreadName, false), t));
    }

    [Fact]
    public async Task Execute_ZeroFlushInterval_NeverPauses()
    {
        var (queue, store, clock, writer) = Create(batchSize: 10, TimeSpan.Zero);
        Enqueue(queue, "a");

        await writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => store.Batches.Count == 1);
        Enqueue(queue, "b");
        await WaitUntilAsync(() => store.Batches.Count == 2);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(
            [
                ["a"],
                ["b"],
            ],
            store.Batches
        );
        Assert.Empty(clock.Requested);
    }

    private static (
        PredictionLogQueue Queue,
        RecordingPredictionLogStore Store,
        HeldTimerClock Clock,
        PredictionLogWriter Writer
    ) Create(int batchSize, TimeSpan? flushInterval = null)
    {
        var options = new PredictionLogOptions
        {
            PseudonymisationKey = "test-pseudonymisation-key-0123456789",
            BatchSize = batchSize,
            FlushInterval = flushInterval ?? Interval,
        };
        var metrics = new ServerMetrics();
        var queue = new PredictionLogQueue(options, metrics);
        var store = new RecordingPredictionLogStore();
        var clock = new HeldTimerClock();
        var writer = new PredictionLogWriter(
            queue,
            store,
            options,
            metrics,
            clock,
            NullLogger<PredictionLogWriter>.Instance
        );
        return (queue, store, clock, writer);
    }

    private static void Enqueue(PredictionLogQueue queue, params string[] subjects)
    {
        foreach (var subject in subjects)
        {
            queue.TryEnqueue(
                PredictionLogEntries.Minimal(
                    subject,
                    new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)
                )
            );
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400; i++)
        {
            if (condition())
            {
                return;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("The writer did not reach the expected state.");
    }
}
