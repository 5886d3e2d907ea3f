using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

/// <summary>What <c>mhi train</c> (and the training pipeline) runs: input, outputs, models and protocol.</summary>
public sealed record TrainingJobOptions
{
    /// <summary>The dataset CSV.</summary>
    public required string InputPath { get; init; }

    /// <summary>Output folder: training-report.html, training.json, plots/, models/, rejects.csv.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Models to train besides the always-trained baseline. Default: lr, rf, xgb.</summary>
    public IReadOnlyList<string> Models { get; init; } = TrainerRegistry.ModelNames;

    /// <summary>Native threads for rf and xgb. Default 1 (reproducible; fastest on a loaded machine).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The protocol's options (seed, split, folds, search budget, threshold, ...).</summary>
    public TrainingOptions Protocol { get; init; } = new();

    /// <summary>Row validation rules for the input.</summary>
    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;

    /// <summary>Name given to the bundles (the registered model name later). Default "mental-health-classifier".</summary>
    public string ModelName { get; init; } = "mental-health-classifier";

    /// <summary>Log runs and register the best model (default true). False: files only.</summary>
    public bool Track { get; init; } = true;

    /// <summary>The tracking store URI; null uses MLFLOW_TRACKING_URI (unset: ./mlruns.db + ./mlartifacts/).</summary>
    public string? TrackingUri { get; init; }

    /// <summary>
    /// Artifact root of new experiments (<c>s3://bucket/prefix</c> or a folder); null uses
    /// MHI_ARTIFACT_URI (unset: mlartifacts/ beside the tracking database).
    /// </summary>
    public string? ArtifactUri { get; init; }

    /// <summary>The tracking experiment. Default "mental-health-insights".</summary>
    public string ExperimentName { get; init; } = "mental-health-insights";

    /// <summary>Largest accepted ROC AUC loss against the current champion. Default 0.01.</summary>
    public double PromotionMargin { get; init; } = 0.01;

    /// <summary>Promote to champion whatever the gate says (recorded as the reason).</summary>
    public bool ForcePromotion { get; init; }

    /// <summary>An EDA summary (eda.json) of the same input to attach to the training run, if any.</summary>
    public string? EdaSummaryPath { get; init; }
}
