using System.Threading.Channels;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// Drains <see cref="PredictionLogQueue"/> into the store in batches, off the request path.
/// Full batches (<see cref="PredictionLogOptions.BatchSize"/>) are written back to back; after a
/// smaller one the writer waits <see cref="PredictionLogOptions.FlushInterval"/> so that entries
/// gather into fewer, larger transactions (on SQLite a batch of ten rows costs three times as
/// much per row as a batch of 500). It runs on a thread of its own (<see cref="ThreadName"/>).
/// A failed batch is counted and logged (count and reason only, never values) and the writer
/// carries on; overflow is reported as a count once per batch. On shutdown the wait ends and the
/// queue is drained.
/// </summary>
internal sealed partial class PredictionLogWriter(
    PredictionLogQueue queue,
    IPredictionLogStore store,
    PredictionLogOptions options,
    ServerMetrics metrics,
    TimeProvider time,
    ILogger<PredictionLogWriter> logger
) : BackgroundService
{
    /// <summary>The writer thread's name (as Linux shows it in /proc/PID/task/TID/comm).</summary>
    public const string ThreadName = "mhi-log-writer";

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
        // A thread of its own, not a thread-pool worker: a SQLite batch blocks now and then for
        // tens of milliseconds (up to ~130 ms measured here; most likely a WAL checkpoint's
        // fsync), and on a two-core server a blocked worker is half of the request threads.
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
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
            Name = ThreadName,
        };
        thread.Start();
        return finished.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<PredictionLogEntry>(options.BatchSize);
        var reader = queue.Reader;
        // Not cancelled by stoppingToken: Complete() ends the loop after the queue is drained.
        while (WaitToRead(reader))
        {
            while (batch.Count < options.BatchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            var full = batch.Count >= options.BatchSize;
            Write(batch);
            batch.Clear();
            ReportDropped();
            if (!full)
            {
                Pause(stoppingToken);
            }
        }
        ReportDropped();
    }

    // Blocking waits are right here: this thread does nothing else.
    private static bool WaitToRead(ChannelReader<PredictionLogEntry> reader) =>
        reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private void Pause(CancellationToken stoppingToken)
    {
        if (options.FlushInterval <= TimeSpan.Zero || stoppingToken.IsCancellationRequested)
        {
            return;
        }
        try
        {
            Task.Delay(options.FlushInterval, time, stoppingToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopping: drain what is queued without waiting.
        }
    }

    private void Write(List<PredictionLogEntry> batch)
    {
        try
        {
            // The SQLite store completes synchronously; PostgreSQL's COPY awaits the network.
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
