using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>
/// The <c>training</c> pipeline: ingest → validate → eda → train (train, evaluate, register,
/// promote through the gate). Ingest, validate and EDA are cached on the data; a rerun on
/// unchanged data skips them and says so.
/// </summary>
public sealed class TrainingPipeline : IPipelineFactory
{
    /// <summary>The name: <c>training</c>.</summary>
    public const string PipelineName = "training";

    /// <inheritdoc />
    public string Name => PipelineName;

    /// <summary>The parameters with their defaults (as <c>mhi run</c> and <c>mhi train</c>).</summary>
    public static IReadOnlyList<PipelineParameter> Parameters { get; } =
    [
        new("input", "", "Dataset CSV; empty generates the synthetic dataset"),
        new("rows", "1000", "Synthetic rows when input is empty"),
        new("seed", "42", "Seed of the generator and the training protocol"),
        new("signal", "planted", "Synthetic target: planted or none"),
        new("out", "out", "Output folder: data/, validate/, eda/, train/RUN_ID/, mlruns.db"),
        new("models", "lr,rf,xgb", "Models to train besides the baseline"),
        new("search-budget", "20", "Hyperparameter configurations per model"),
        new(
            "search-strategy",
            "halving",
            "Search: halving (successive halving over folds) or full (every configuration on every fold)"
        ),
        new("folds", "5", "Cross-validation folds"),
        new("bootstrap", "1000", "Bootstrap resamples for the 95% intervals"),
        new("threads", "1", "Native threads for rf and xgb"),
        new(
            "tracking-uri",
            "",
            "Tracking store; empty uses MLFLOW_TRACKING_URI, else OUT/mlruns.db"
        ),
        new("experiment", "mental-health-insights", "Tracking experiment"),
        new("model-name", "mental-health-classifier", "Registered model name"),
        new(
            "promotion-margin",
            "0.01",
            "Promotion gate: largest accepted ROC AUC loss against the champion, in [0, 1]"
        ),
    ];

    /// <inheritdoc />
    public PipelineDefinition Create(TimeProvider time) =>
        new(
            PipelineName,
            "ingest → validate → EDA → train, evaluate, register, promote through the gate",
            Parameters,
            [new IngestStep(), new ValidateStep(), new EdaStep(time), new TrainStep(time)]
        );
}
