using System.Globalization;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// Records a training in the tracking store, the way an MLflow user expects to find it: a
/// parent run for the training and a nested child run per model (the baseline too) with the
/// hyperparameters and settings as params, every search trial and cross-validation fold as
/// metrics with steps, the final test metrics with their interval bounds, tags (model type,
/// promotable and why) and the files as artifacts. Values of records are never logged.
/// </summary>
/// <param name="tracking">The tracking service (over any store).</param>
public sealed class TrainingRunRecorder(TrackingService tracking)
{
    /// <summary>Logs <paramref name="report"/> and its files under <paramref name="experimentName"/>.</summary>
    public async Task<RecordedTraining> RecordAsync(
        TrainingReport report,
        TrainingRunArtifacts artifacts,
        string experimentName,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(artifacts);
        var experimentId = await tracking.GetOrCreateExperimentAsync(
            experimentName,
            cancellationToken
        );
        var parent = await tracking.StartRunAsync(
            experimentId,
            "train",
            tags: ParentTags(report),
            cancellationToken: cancellationToken
        );
        var parentId = parent.Info.RunId;
        var children = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await tracking.LogParamsAsync(parentId, ParentParams(report), cancellationToken);
            await tracking.LogArtifactAsync(
                parentId,
                artifacts.ReportHtml,
                "report",
                cancellationToken
            );
            await tracking.LogArtifactAsync(
                parentId,
                artifacts.ReportJson,
                "report",
                cancellationToken
            );
            foreach (var plot in artifacts.PlotPaths)
            {
                await tracking.LogArtifactAsync(parentId, plot, "report/plots", cancellationToken);
            }
            if (artifacts.ValidationSummaryJson is { } validation)
            {
                await tracking.LogArtifactAsync(parentId, validation, "data", cancellationToken);
            }
            if (artifacts.EdaSummaryJson is { } eda)
            {
                await tracking.LogArtifactAsync(parentId, eda, "data", cancellationToken);
            }
            foreach (var model in report.Models)
            {
                children[model.Name] = await RecordModelAsync(
                    experimentId,
                    parentId,
                    report,
                    model,
                    artifacts.Bundles.GetValueOrDefault(model.Name),
                    cancellationToken
                );
            }
            await tracking.EndRunAsync(parentId, RunStatus.Finished, cancellationToken);
        }
        catch
        {
            await tracking.EndRunAsync(parentId, RunStatus.Failed, CancellationToken.None);
            throw;
        }
        return new RecordedTraining(experimentId, parentId, children);
    }

    private async Task<string> RecordModelAsync(
        string experimentId,
        string parentId,
        TrainingReport report,
        ModelEvaluation model,
        string? bundleFolder,
        CancellationToken cancellationToken
    )
    {
        var run = await tracking.StartRunAsync(
            experimentId,
            model.Name,
            parentId,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mhi.model_type"] = model.Name,
                ["mhi.display_name"] = model.DisplayName,
                ["mhi.baseline"] = Bool(model.IsBaseline),
                ["mhi.promotable"] = Bool(model.Promotable),
                ["mhi.promotable_reason"] = Truncate(model.PromotionReason),
            },
            cancellationToken
        );
        var runId = run.Info.RunId;
        try
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["seed"] = Text(report.Options.Seed),
                ["search_budget"] = Text(report.Options.SearchBudget),
                ["search_strategy"] = report.Options.SearchStrategy,
                ["search_trials"] = Text(model.Trials.Count),
                ["chosen_trial"] = Text(model.ChosenTrialIndex),
                ["threshold"] = Text(model.Threshold.Value),
                ["threshold_strategy"] = model.Threshold.Strategy,
                ["data_sha256"] = report.Data.DataHash ?? string.Empty,
            };
            foreach (var (name, value) in model.HyperParameters)
            {
                parameters["hp." + name] = value;
            }
            await tracking.LogParamsAsync(runId, parameters, cancellationToken);
            await tracking.LogBatchAsync(
                runId,
                ModelMetrics(model, report.CreatedAt.ToUnixTimeMilliseconds()),
                null,
                null,
                cancellationToken
            );
            if (bundleFolder is not null)
            {
                await tracking.LogArtifactsAsync(runId, bundleFolder, "model", cancellationToken);
            }
            await tracking.EndRunAsync(runId, RunStatus.Finished, cancellationToken);
        }
        catch
        {
            await tracking.EndRunAsync(runId, RunStatus.Failed, CancellationToken.None);
            throw;
        }
        return runId;
    }

    /// <summary>Search trials (step = trial), folds of the chosen trial (step = fold), CV summary and test metrics with bounds.</summary>
    private static List<Metric> ModelMetrics(ModelEvaluation model, long timestamp)
    {
        var metrics = new List<Metric>();
        foreach (var trial in model.Trials)
        {
            Add(
                metrics,
                "search_" + trial.PrimaryMetric,
                trial.MeanPrimaryMetric,
                timestamp,
                trial.TrialIndex
            );
            Add(metrics, "search_log_loss", trial.MeanLogLoss, timestamp, trial.TrialIndex);
            if (trial.Chosen)
            {
                foreach (var fold in trial.Folds)
                {
                    foreach (var (name, value) in fold.Metrics)
                    {
                        Add(metrics, "cv_fold_" + name, value, timestamp, fold.Fold);
                    }
                }
            }
        }
        foreach (var (name, summary) in model.CrossValidation)
        {
            Add(metrics, "cv_" + name + "_mean", summary.Mean, timestamp, 0);
            Add(metrics, "cv_" + name + "_std", summary.StandardDeviation, timestamp, 0);
        }
        foreach (var (name, interval) in model.Test.Intervals)
        {
            Add(metrics, "test_" + name, interval.Estimate, timestamp, 0);
            Add(metrics, "test_" + name + "_lower", interval.Lower, timestamp, 0);
            Add(metrics, "test_" + name + "_upper", interval.Upper, timestamp, 0);
        }
        return metrics;
    }

    // MLflow stores NaN (e.g. an undefined AUC); ±∞ would be clipped by a server, so skip them.
    private static void Add(
        List<Metric> metrics,
        string key,
        double value,
        long timestamp,
        long step
    )
    {
        if (!double.IsInfinity(value))
        {
            metrics.Add(new Metric(key, value, timestamp, step));
        }
    }

    private static Dictionary<string, string> ParentTags(TrainingReport report)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mhi.outcome"] = report.Outcome.ToString(),
            ["mhi.headline"] = Truncate(report.Headline),
            ["mhi.best_model"] = report.BestModel ?? string.Empty,
            ["mhi.recommended_model"] = report.RecommendedModel ?? string.Empty,
            ["mhi.suspected_leakage_allowed"] = Bool(report.SuspectedLeakageAllowed),
            ["mhi.host"] = Environment.MachineName,
        };
        foreach (var (library, version) in report.LibraryVersions)
        {
            tags[library == "git_commit" ? MlflowTagKeys.GitCommit : "mhi.version." + library] =
                version;
        }
        return tags;
    }

    private static Dictionary<string, string> ParentParams(TrainingReport report)
    {
        var options = report.Options;
        var data = report.Data;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["seed"] = Text(options.Seed),
            ["test_fraction"] = Text(options.TestFraction),
            ["folds"] = Text(options.Folds),
            ["search_budget"] = Text(options.SearchBudget),
            ["search_strategy"] = options.SearchStrategy,
            ["primary_metric"] = options.PrimaryMetric,
            ["threshold_strategy"] = options.ThresholdStrategy,
            ["calibration"] = options.CalibrationMethod,
            ["alpha"] = Text(options.Alpha),
            ["bootstrap_resamples"] = Text(options.BootstrapResamples),
            ["permutation_repeats"] = Text(options.PermutationRepeats),
            ["leakage_auc_threshold"] = Text(options.LeakageAucThreshold),
            ["allow_suspected_leakage"] = Bool(options.AllowSuspectedLeakage),
            ["features"] = Truncate(string.Join(",", data.Features)),
            ["target"] = data.Target,
            ["models"] = string.Join(",", report.Models.Select(m => m.Name)),
            ["data_sha256"] = data.DataHash ?? string.Empty,
            ["rows"] = Text(data.Rows),
            ["train_rows"] = Text(data.TrainRows),
            ["test_rows"] = Text(data.TestRows),
            ["prevalence"] = Text(data.Prevalence),
        };
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Truncate(string value) =>
        value.Length <= TrackingLimits.MaxParamValueLength
            ? value
            : value[..TrackingLimits.MaxParamValueLength];
}
