using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Monitoring.Retraining;

/// <summary>How <see cref="TrainingJobRetrainingTrigger"/> trains (the "Retraining" object of the "Alerts" section).</summary>
public sealed record TrainingJobRetrainingOptions
{
    /// <summary>
    /// The newest labelled data: a CSV file, or a folder whose newest *.csv (by last write time,
    /// then name) is used. Required.
    /// </summary>
    public required string DataPath { get; init; }

    /// <summary>Each retraining writes to a new folder "retrain-{monitoring run}" under this. Required.</summary>
    public required string OutputRoot { get; init; }

    /// <summary>Models to train besides the baseline. Default: those of <see cref="TrainingJobOptions.Models"/>.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>The tracking store URI; null uses MLFLOW_TRACKING_URI (as <c>mhi train</c>).</summary>
    public string? TrackingUri { get; init; }

    /// <summary>The registered model the new version joins. Default "mental-health-classifier".</summary>
    public string ModelName { get; init; } = "mental-health-classifier";

    /// <summary>The tracking experiment. Default "mental-health-insights".</summary>
    public string ExperimentName { get; init; } = "mental-health-insights";

    /// <summary>The promotion gate's largest accepted ROC AUC loss against the champion. Default 0.01.</summary>
    public double PromotionMargin { get; init; } = 0.01;

    /// <summary>The training protocol (seed, folds, search budget, ...). Default: as <c>mhi train</c>.</summary>
    public TrainingOptions Protocol { get; init; } = new();

    /// <summary>Native threads for rf and xgb. Default 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// The workers' Quartz scheduler (job store and instance name, as in the pipelines settings'
    /// "scheduler" section). When set, a retraining is queued as a run of the <c>training</c>
    /// pipeline (trigger alert) on the same queue as scheduled and manual runs, for
    /// <c>mhi worker</c> or <c>mhi serve --scheduler</c> to run. Default null: the fallback,
    /// training inline in the calling process.
    /// </summary>
    public SchedulerSettings? Queue { get; init; }
}
