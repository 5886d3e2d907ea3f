using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

public sealed partial class TrainingJob
{
    /// <summary>
    /// One bundle per trained model (the baseline too, so comparisons can be reproduced) under
    /// <c>models/&lt;trainer&gt;/</c>, replacing bundles of an earlier run in the same folder.
    /// </summary>
    private Dictionary<string, string> WriteBundles(
        TrainingJobOptions options,
        TrainingReport report,
        TrainingResult result,
        string? commit,
        CancellationToken cancellationToken
    )
    {
        var bundles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trained in result.Models)
        {
            var evaluation = trained.Evaluation;
            var metadata = new ModelBundleMetadata
            {
                ModelName = options.ModelName,
                TrainerName = trained.TrainerName,
                DisplayName = evaluation.DisplayName,
                ModelFormat = trained.Model.Format,
                Features = trained.Preprocessor.Spec.Features,
                Target = trained.Preprocessor.Spec.Target,
                Threshold = trained.Threshold,
                ThresholdStrategy = evaluation.Threshold.Strategy,
                Calibration = trained.Calibrator?.Method,
                Metrics = evaluation.Test.Intervals,
                CvMetrics = evaluation.CrossValidation,
                DataSha256 = report.Data.DataHash ?? string.Empty,
                Seed = report.Data.Seed,
                HyperParameters = evaluation.HyperParameters,
                LibraryVersions = report.LibraryVersions,
                GitCommit = commit,
                CreatedAtUtc = time.GetUtcNow(),
                Promotable = evaluation.Promotable,
                PromotableReason = evaluation.PromotionReason,
                Warnings = report.Warnings,
            };
            var folder = Path.Combine(options.OutputDirectory, ModelsFolder, trained.TrainerName);
            var location = ModelBundleWriter.Write(
                folder,
                metadata,
                trained.Preprocessor,
                trained.Model,
                trained.Calibrator,
                overwrite: true,
                cancellationToken
            );
            bundles[trained.TrainerName] = location.Folder ?? folder;
        }
        return bundles;
    }
}
