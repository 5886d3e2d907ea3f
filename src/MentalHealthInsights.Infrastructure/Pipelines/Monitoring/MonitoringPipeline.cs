using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// The <c>monitoring</c> pipeline: collect the current window (a CSV file, or a window of the
/// SQLite prediction log) → monitor it against the model's training data with
/// <see cref="Infrastructure.Monitoring.MonitoringJob"/> → evaluate the alert policy and record
/// the snapshot and alerts in the monitoring store → with <c>retrain=true</c> and a fired alert,
/// run the <c>training</c> pipeline (trigger alert). Not cached: the log and the champion change.
/// </summary>
public sealed class MonitoringPipeline : IPipelineFactory
{
    /// <summary>The name: <c>monitoring</c>.</summary>
    public const string PipelineName = "monitoring";

    /// <inheritdoc />
    public string Name => PipelineName;

    /// <summary>The parameters with their defaults.</summary>
    public static IReadOnlyList<PipelineParameter> Parameters { get; } =
    [
        new("current", "", "Current data CSV; empty reads the prediction-log window instead"),
        new(
            "prediction-log",
            "predictions.db",
            "Prediction log: a SQLite path or sqlite:///PATH, or PostgreSQL (postgresql://… or Host=…)"
        ),
        new("from", "", "Window start (ISO 8601, inclusive); empty: the beginning"),
        new("to", "", "Window end (ISO 8601, exclusive); empty: now"),
        new("last", "", "Window length back from now (7d, 24h, 90m), instead of from/to"),
        new(
            "model",
            "models:/mental-health-classifier@champion",
            "Model scoring the rows: models:/NAME@ALIAS, models:/NAME/VERSION or a bundle path"
        ),
        new(
            "reference",
            "",
            "Reference CSV; empty: the model's training data, found by its recorded SHA-256 in OUT/data, data or ."
        ),
        new("out", "out", "Output folder: monitoring/RUN_ID/, monitoring.db"),
        new(
            "tracking-uri",
            "",
            "Registry and tracking store; empty uses MLFLOW_TRACKING_URI, else OUT/mlruns.db"
        ),
        new(
            "alerts-config",
            "",
            "Alert policy JSON (docs/alerts-and-simulation.md); empty: the default policy"
        ),
        new(
            "monitoring-db",
            "",
            "Monitoring store: a SQLite path or PostgreSQL (postgresql://… or Host=…); empty: OUT/monitoring.db"
        ),
        new(
            "retrain",
            "false",
            "true: when an alert fired, run the training pipeline (trigger alert) on the reference data"
        ),
        new("run-store", "", "Run store for that training run; empty: sqlite:///OUT/pipelines.db"),
        new(
            "job-store",
            "",
            "Workers' Quartz job store (as the settings' scheduler.jobStore): with it the training run is queued for mhi worker / mhi serve --scheduler; empty: it runs here"
        ),
        new(
            "scheduler-name",
            "mhi",
            "The workers' scheduler instance name (scheduler.instanceName)"
        ),
    ];

    /// <inheritdoc />
    public PipelineDefinition Create(TimeProvider time) =>
        new(
            PipelineName,
            "collect the window → monitor drift, quality and fairness → alert → (retrain=true) training",
            Parameters,
            [
                new CollectStep(time),
                new MonitorStep(time),
                new AlertStep(time),
                new RetrainStep(time),
            ]
        );
}
