using System.Text;

namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// Splits any number of metrics, params and tags into log-batch calls a server accepts: at most
/// 1000 metrics, 100 params, 100 tags and 1000 entities per call (as MLflow's Python client
/// chunks them), and an estimated JSON body under <see cref="DefaultMaxBatchBytes"/> so 100 long
/// params plus 100 long tags do not break MLflow's 1 MB request limit. Order is kept within each
/// kind; params go first, so a failing param stops the metrics behind it.
/// </summary>
public static class LogBatchSplitter
{
    /// <summary>The estimated body budget per call: 90 % of MLflow's 1 MB, a margin for the estimate.</summary>
    public const int DefaultMaxBatchBytes = TrackingLimits.MaxBatchRequestBytes / 10 * 9;

    // {"run_id":"<32 hex>","metrics":[],"params":[],"tags":[]}
    private const int EnvelopeBytes = 96;

    // {"key":"","value":-1.2345678901234567E+308,"timestamp":-9223372036854775808,"step":-9223372036854775808},
    private const int MetricOverheadBytes = 110;

    // {"key":"","value":""},
    private const int PairOverheadBytes = 24;

    /// <summary>Splits the entities into chunks; no chunk for empty input.</summary>
    /// <param name="metrics">Metrics in logging order; null for none.</param>
    /// <param name="parameters">Params; null for none.</param>
    /// <param name="tags">Tags; null for none.</param>
    /// <param name="maxBatchBytes">Estimated body budget per chunk (default <see cref="DefaultMaxBatchBytes"/>).</param>
    public static IReadOnlyList<LogBatchChunk> Split(
        IReadOnlyList<Metric>? metrics,
        IReadOnlyList<Param>? parameters,
        IReadOnlyList<RunTag>? tags,
        int maxBatchBytes = DefaultMaxBatchBytes
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchBytes, EnvelopeBytes * 2);
        var builder = new ChunkBuilder(maxBatchBytes);
        foreach (var param in parameters ?? [])
        {
            var size = PairOverheadBytes + JsonBytes(param.Key) + JsonBytes(param.Value);
            builder.Make(room: builder.Params.Count < TrackingLimits.MaxParamsPerBatch, size);
            builder.Params.Add(param);
        }
        foreach (var tag in tags ?? [])
        {
            var size = PairOverheadBytes + JsonBytes(tag.Key) + JsonBytes(tag.Value);
            builder.Make(room: builder.Tags.Count < TrackingLimits.MaxTagsPerBatch, size);
            builder.Tags.Add(tag);
        }
        foreach (var metric in metrics ?? [])
        {
            var size = MetricOverheadBytes + JsonBytes(metric.Key);
            builder.Make(room: builder.Metrics.Count < TrackingLimits.MaxMetricsPerBatch, size);
            builder.Metrics.Add(metric);
        }
        builder.Flush();
        return builder.Chunks;
    }

    // UTF-8 length plus the worst case of JSON escaping (\u00XX is 6 bytes for 1).
    private static int JsonBytes(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var escapes = 0;
        foreach (var c in text)
        {
            if (c < ' ' || c is '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')
            {
                escapes++;
            }
        }
        return Encoding.UTF8.GetByteCount(text) + escapes * 5;
    }

    private sealed class ChunkBuilder(int maxBytes)
    {
        private int _bytes = EnvelopeBytes;

        public List<LogBatchChunk> Chunks { get; } = [];

        public List<Metric> Metrics { get; private set; } = [];

        public List<Param> Params { get; private set; } = [];

        public List<RunTag> Tags { get; private set; } = [];

        // Starts a new chunk unless the next entity fits in the current one.
        public void Make(bool room, int size)
        {
            var count = Metrics.Count + Params.Count + Tags.Count;
            var fits =
                room
                && count < TrackingLimits.MaxEntitiesPerBatch
                && (count == 0 || _bytes + size <= maxBytes);
            if (!fits)
            {
                Flush();
            }
            _bytes += size;
        }

        public void Flush()
        {
            if (Metrics.Count + Params.Count + Tags.Count == 0)
            {
                return;
            }
            Chunks.Add(new LogBatchChunk(Metrics, Params, Tags));
            Metrics = [];
            Params = [];
            Tags = [];
            _bytes = EnvelopeBytes;
        }
    }
}
