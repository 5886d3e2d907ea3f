using Prometheus;

namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own (so two hosts in one process — the
/// tests — never share counts): predictions by label, the probability histogram, the served
/// model's identity, reloads, and the prediction log's queue. HTTP request counts and latency
/// histograms per endpoint come from prometheus-net's HTTP middleware into the same registry.
/// Label children are created once, so the hot path only increments.
/// </summary>
internal sealed class ServerMetrics
{
    private readonly Counter.Child _positive;
    private readonly Counter.Child _negative;
    private readonly Gauge _modelInfo;

    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        var predictions = factory.CreateCounter(
            "mhi_predictions_total",
            "Predictions made, by predicted label (true = at or above the threshold).",
            "label"
        );
        _positive = predictions.WithLabels("true");
        _negative = predictions.WithLabels("false");
        Probability = factory.CreateHistogram(
            "mhi_prediction_probability",
            "Predicted probabilities.",
            new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 9) }
        );
        _modelInfo = factory.CreateGauge(
            "mhi_model_info",
            "The served model (value 1): name, version and bundle SHA-256.",
            "name",
            "version",
            "sha256"
        );
        Reloads = factory.CreateCounter(
            "mhi_model_reloads_total",
            "Model loads, by result: swapped, unchanged or failed.",
            "result"
        );
        InvalidRecords = factory.CreateCounter(
            "mhi_invalid_records_total",
            "Records rejected by validation (400 or per-record batch errors)."
        );
        LogWritten = factory.CreateCounter(
            "mhi_prediction_log_written_total",
            "Prediction log entries stored."
        );
        LogDropped = factory.CreateCounter(
            "mhi_prediction_log_dropped_total",
            "Prediction log entries dropped because the queue was full (never blocks a request)."
        );
        UnknownMethods = factory.CreateCounter(
            "mhi_http_unknown_method_total",
            "Requests refused with 501 because their method is not a standard HTTP method (one "
                + "count, not a series per method: a client must not be able to grow /metrics)."
        );
        LogFailed = factory.CreateCounter(
            "mhi_prediction_log_failed_total",
            "Prediction log entries lost because the store refused a batch."
        );
    }

    public CollectorRegistry Registry { get; }

    public Histogram Probability { get; }

    public Counter Reloads { get; }

    public Counter InvalidRecords { get; }

    public Counter LogWritten { get; }

    public Counter LogDropped { get; }

    public Counter LogFailed { get; }

    public Counter UnknownMethods { get; }

    /// <summary>Counts one prediction.</summary>
    public void Predicted(double probability, bool label)
    {
        (label ? _positive : _negative).Inc();
        Probability.Observe(probability);
    }

    /// <summary>Moves the model-info gauge from <paramref name="previous"/> to <paramref name="next"/>.</summary>
    public void SetModel(ServedModel? previous, ServedModel next)
    {
        if (previous is not null)
        {
            _modelInfo.RemoveLabelled(previous.Name, previous.VersionText, previous.Bundle.Sha256);
        }
        _modelInfo.WithLabels(next.Name, next.VersionText, next.Bundle.Sha256).Set(1);
    }
}
