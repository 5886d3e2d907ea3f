using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Scoring.Bundles;

/// <summary>
/// What a model bundle says about its model (<c>metadata.json</c>, docs/model-bundle.md): how it
/// was trained, on which data, how well it did, and whether it may be promoted. Aggregates only:
/// it never contains a dataset record. Check it with <see cref="FindProblems"/> or
/// <see cref="Validate"/>; the bundle writer refuses, and the reader rejects, invalid metadata.
/// Equality compares contents (lists in order, dictionaries as sets of pairs).
/// </summary>
public sealed partial record ModelBundleMetadata
{
    /// <summary>The bundle schema version this code writes and reads: 1.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The bundle schema version. Default <see cref="CurrentSchemaVersion"/>.</summary>
    public int BundleSchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The model's name, e.g. the registered model name ("mental-health-xgb").</summary>
    public required string ModelName { get; init; }

    /// <summary>The trainer's registry name: "baseline", "lr", "rf" or "xgb".</summary>
    public required string TrainerName { get; init; }

    /// <summary>A human-readable name of the algorithm, e.g. "Random forest (ML.NET FastForest)".</summary>
    public required string DisplayName { get; init; }

    /// <summary>The format of the model file: "xgboost-json", "mlnet-zip" or "baseline-json".</summary>
    public required string ModelFormat { get; init; }

    /// <summary>The feature columns, in the order of the fitted preprocessor's spec.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The target column (Mental_Health_Condition; "Yes" is the positive class).</summary>
    public required string Target { get; init; }

    /// <summary>The decision threshold on the (calibrated, when calibrated) probability, in [0, 1].</summary>
    public required double Threshold { get; init; }

    /// <summary>How the threshold was chosen, e.g. "max_f1" or "target_recall:0.8".</summary>
    public required string ThresholdStrategy { get; init; }

    /// <summary>The calibration on top of the raw model, or null when the model is not calibrated (default).</summary>
    public CalibrationMethod? Calibration { get; init; }

    /// <summary>Test-set metrics with their 95% bootstrap intervals, by metric name. NaN = undefined.</summary>
    public required IReadOnlyDictionary<string, Interval> Metrics { get; init; }

    /// <summary>Cross-validation mean ± standard deviation per metric, by metric name.</summary>
    public required IReadOnlyDictionary<string, MetricSummary> CvMetrics { get; init; }

    /// <summary>SHA-256 of the training input file, 64 lowercase hex digits.</summary>
    public required string DataSha256 { get; init; }

    /// <summary>The seed of the training run.</summary>
    public required int Seed { get; init; }

    /// <summary>The chosen hyperparameters, name → invariant-culture value.</summary>
    public required IReadOnlyDictionary<string, string> HyperParameters { get; init; }

    /// <summary>Versions of the libraries the model depends on, e.g. "xgboost" → "1.7.4", ".NET" → "10.0.0".</summary>
    public required IReadOnlyDictionary<string, string> LibraryVersions { get; init; }

    /// <summary>
    /// The git commit of the code that trained the model (7–64 lowercase hex digits, optionally
    /// followed by "-dirty"), or null when unknown (default).
    /// </summary>
    public string? GitCommit { get; init; }

    /// <summary>When the model was trained, in UTC (offset zero), from the caller's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset CreatedAtUtc { get; init; }

    /// <summary>True when the registry may promote this model (it beats the baseline significantly).</summary>
    public required bool Promotable { get; init; }

    /// <summary>Why the model is or is not promotable, in a sentence (required either way).</summary>
    public required string PromotableReason { get; init; }

    /// <summary>Warnings recorded at training time (e.g. suspected leakage allowed). Default: none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
