using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Training;

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

    internal static readonly PipelineParameterKind<string> Input = PipelineParameterKind.Text(
        "input",
        "",
        "Dataset CSV; empty generates the synthetic dataset"
    );
    internal static readonly PipelineParameterKind<int> Rows = PipelineParameterKind.Int(
        "rows",
        "1000",
        "Synthetic rows when input is empty",
        1
    );
    internal static readonly PipelineParameterKind<int> Seed = PipelineParameterKind.Int(
        "seed",
        "42",
        "Seed of the generator and the training protocol",
        int.MinValue
    );
    internal static readonly PipelineParameterKind<SignalKind> Signal =
        PipelineParameterKind.Choice(
            "signal",
            "planted",
            "Synthetic target: planted or none",
            ("planted", SignalKind.Planted),
            ("none", SignalKind.None)
        );
    internal static readonly PipelineParameterKind<string[]> Models = new(
        "models",
        "lr,rf,xgb",
        "Models to train besides the baseline",
        text =>
        {
            var names = text.Split(
                ',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            );
            return names.Length > 0 && names.All(n => TrainerRegistry.ModelNames.Contains(n))
                ? names
                : throw new FormatException(
                    $"parameter models takes a comma-separated list of {string.Join(", ", TrainerRegistry.ModelNames)}, not '{text}'."
                );
        }
    );
    internal static readonly PipelineParameterKind<int> SearchBudget = PipelineParameterKind.Int(
        "search-budget",
        "20",
        "Hyperparameter configurations per model",
        1,
        TrainingOptions.MaxSearchBudget
    );
    internal static readonly PipelineParameterKind<SearchStrategy> Strategy =
        PipelineParameterKind.Choice(
            "search-strategy",
            "halving",
            "Search: halving (successive halving over folds) or full (every configuration on every fold)",
            ("halving", SearchStrategy.Halving),
            ("full", SearchStrategy.Full),
            // As before: an empty value is the default.
            ("", SearchStrategy.Halving)
        );
    internal static readonly PipelineParameterKind<int> Folds = PipelineParameterKind.Int(
        "folds",
        "5",
        "Cross-validation folds",
        2
    );
    internal static readonly PipelineParameterKind<int> Bootstrap = PipelineParameterKind.Int(
        "bootstrap",
        "1000",
        "Bootstrap resamples for the 95% intervals",
        100
    );
    internal static readonly PipelineParameterKind<int> Threads = PipelineParameterKind.Int(
        "threads",
        "1",
        "Native threads for rf and xgb",
        1
    );
    internal static readonly PipelineParameterKind<double> PromotionMargin =
        PipelineParameterKind.Number(
            "promotion-margin",
            "0.01",
            "Promotion gate: largest accepted ROC AUC loss against the champion, in [0, 1]",
            0,
            1
        );

    /// <summary>
    /// The registered model name, checked up front by the registries' own rule (no <c>@</c>,
    /// <c>/</c> or control characters, as <c>mhi train --model-name</c>): it used to fail only at
    /// registration, after the model was trained.
    /// </summary>
    internal static readonly PipelineParameterKind<string> ModelName = new(
        "model-name",
        "mental-health-classifier",
        "Registered model name",
        text =>
        {
            try
            {
                RegistryValidation.ValidateModelName(text);
                return text;
            }
            catch (TrackingException ex)
            {
                throw new FormatException("parameter model-name: " + ex.Message);
            }
        }
    );

    /// <summary>The parameters with their defaults and checks (as <c>mhi run</c> and <c>mhi train</c>).</summary>
    public static IReadOnlyList<PipelineParameter> Parameters { get; } =
    [
        Input.Declaration,
        Rows.Declaration,
        Seed.Declaration,
        Signal.Declaration,
        new("out", "out", "Output folder: data/, validate/, eda/, train/RUN_ID/, mlruns.db"),
        Models.Declaration,
        SearchBudget.Declaration,
        Strategy.Declaration,
        Folds.Declaration,
        Bootstrap.Declaration,
        Threads.Declaration,
        new(
            "tracking-uri",
            "",
            "Tracking store; empty uses MLFLOW_TRACKING_URI, else OUT/mlruns.db"
        ),
        new("experiment", "mental-health-insights", "Tracking experiment"),
        ModelName.Declaration,
        PromotionMargin.Declaration,
    ];

    /// <summary>
    /// The training protocol these parameters describe (the train step runs exactly this);
    /// a malformed value throws <see cref="FormatException"/>.
    /// </summary>
    internal static TrainingOptions Protocol(IReadOnlyDictionary<string, string> values) =>
        new()
        {
            Seed = Seed.Parse(values),
            SearchBudget = SearchBudget.Parse(values),
            SearchStrategy = Strategy.Parse(values),
            Folds = Folds.Parse(values),
            BootstrapResamples = Bootstrap.Parse(values),
        };

    /// <inheritdoc />
    public PipelineDefinition Create(TimeProvider time) =>
        new(
            PipelineName,
            "ingest → validate → EDA → train, evaluate, register, promote through the gate",
            Parameters,
            [new IngestStep(), new ValidateStep(), new EdaStep(time), new TrainStep(time)],
            values => Protocol(values).FindProblems().Select(p => "training protocol: " + p)
        );
}
