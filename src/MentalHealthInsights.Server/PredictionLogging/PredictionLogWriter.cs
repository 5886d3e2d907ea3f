using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// Drains <see cref="PredictionLogQueue"/> into the store in batches, off the request path.
/// Full batches (<see cref="PredictionLogOptions.BatchSize"/>) are written back to back; after a
/// smaller one the writer waits <see cref="PredictionLogOptions.FlushInterval"/> so that entries
/// gather into fewer, larger transactions (on SQLite a batch of ten rows costs three times as
/// much per row as a batch of 500). A failed batch is counted and logged (count and reason only,
/// never values) and the writer carries on; overflow is reported as a count once per batch. On
/// shutdown the wait ends and the queue is drained.
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
    private long _reportedDropped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        var batch = new List<PredictionLogEntry>(options.BatchSize);
        var reader = queue.Reader;
        // Not cancelled by stoppingToken: Complete() ends the loop after the queue is drained.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < options.BatchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            var full = batch.Count >= options.BatchSize;
            await WriteAsync(batch);
            batch.Clear();
            ReportDropped();
            if (!full)
            {
                await PauseAsync(stoppingToken);
            }
        }
        ReportDropped();
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        if (options.FlushInterval <= TimeSpan.Zero || stoppingToken.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await Task.Delay(options.FlushInterval, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: drain what is queued without waiting.
        }
    }

    private async Task WriteAsync(List<PredictionLogEntry> batch)
    {
        try
        {
            await store.AppendAsync(batch, CancellationToken.None);
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
