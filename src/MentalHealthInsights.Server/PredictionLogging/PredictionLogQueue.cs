using System.Threading.Channels;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// The bounded queue between requests and the prediction log writer. <see cref="TryEnqueue"/>
/// never waits: when the queue is full the entry is dropped and counted
/// (<c>mhi_prediction_log_dropped_total</c>), so logging can never slow or fail a request.
/// </summary>
internal sealed class PredictionLogQueue
{
    private readonly Channel<PredictionLogEntry> _channel;
    private readonly ServerMetrics _metrics;
    private long _dropped;

    public PredictionLogQueue(PredictionLogOptions options, ServerMetrics metrics)
    {
        _metrics = metrics;
        Enabled = options.Enabled;
        _channel = Channel.CreateBounded<PredictionLogEntry>(
            new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
                SingleWriter = false,
            }
        );
    }

    /// <summary>False when the log is switched off (nothing is queued).</summary>
    public bool Enabled { get; }

    /// <summary>Entries dropped so far because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<PredictionLogEntry> Reader => _channel.Reader;

    /// <summary>Queues <paramref name="entry"/>, or drops and counts it when the queue is full.</summary>
    public void TryEnqueue(PredictionLogEntry entry)
    {
        // With FullMode.Wait, TryWrite returns false instead of evicting: the newest is dropped.
        if (!_channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
            _metrics.LogDropped.Inc();
        }
    }

    /// <summary>No more entries: the writer drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
