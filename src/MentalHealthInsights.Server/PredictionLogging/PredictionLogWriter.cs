using System.Threading.Channels;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// Drains <see cref="PredictionLogQueue"/> into the store in batches, off the request path.
/// A failed batch is counted and logged (count and reason only, never values) and the writer
/// carries on; overflow is reported as a count once per batch. On shutdown it drains the queue.
/// </summary>
/// <remarks>
/// The writer runs on a dedicated thread of its own, not on the thread pool: SQLite appends are
/// synchronous (several milliseconds for a batch of hundreds of rows), and on a two-core machine
/// a pool thread blocked that long leaves requests queued behind it — measured as the p99 tail
/// of bench/http. On Linux the thread can also lower its own scheduling priority
/// (<see cref="PredictionLogOptions.WriterNiceness"/>, off by default), so that requests run
/// first when the cores are contended; the bounded queue absorbs the delay (overflow is
/// counted, never blocking).
/// </remarks>
internal sealed partial class PredictionLogWriter(
    PredictionLogQueue queue,
    IPredictionLogStore store,
    PredictionLogOptions options,
    ServerMetrics metrics,
    ILogger<PredictionLogWriter> logger
) : BackgroundService
{
    private long _reportedDropped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return Task.CompletedTask;
        }
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                if (options.WriterNiceness > 0)
                {
                    ThreadNiceness.TryLowerCurrentThread(options.WriterNiceness);
                }
                Drain();
                finished.SetResult();
            }
#pragma warning disable CA1031 // Handed to the host through the task, as an async ExecuteAsync would.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                finished.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "prediction-log-writer",
        };
        thread.Start();
        return finished.Task;
    }

    private void Drain()
    {
        var batch = new List<PredictionLogEntry>(options.BatchSize);
        var reader = queue.Reader;
        // Not cancelled by stoppingToken: Complete() ends the loop after the queue is drained.
        // Blocking is fine here: this thread does nothing else.
        while (WaitToRead(reader))
        {
            while (batch.Count < options.BatchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            Write(batch);
            batch.Clear();
            ReportDropped();
        }
        ReportDropped();
    }

    private static bool WaitToRead(ChannelReader<PredictionLogEntry> reader)
    {
        var wait = reader.WaitToReadAsync(CancellationToken.None);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Write(List<PredictionLogEntry> batch)
    {
        try
        {
            // SQLite completes synchronously; a PostgreSQL store's I/O is awaited on this thread.
            store.AppendAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
            metrics.LogWritten.Inc(batch.Count);
        }
#pragma warning disable CA1031 // The writer must survive any store failure; it is counted and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            metrics.LogFailed.Inc(batch.Count);
            LogBatchFailed(logger, batch.Count, ex.GetType().Name, ex.Message);
        }
    }

    private void ReportDropped()
    {
        var dropped = queue.Dropped;
        if (dropped > _reportedDropped)
        {
            LogDropped(logger, dropped - _reportedDropped, dropped);
            _reportedDropped = dropped;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Prediction log: {Count} entries could not be stored ({ErrorType}: {Reason})"
    )]
    private static partial void LogBatchFailed(
        ILogger logger,
        int count,
        string errorType,
        string reason
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Prediction log queue full: {Count} entries dropped ({Total} since start)"
    )]
    private static partial void LogDropped(ILogger logger, long count, long total);
}
