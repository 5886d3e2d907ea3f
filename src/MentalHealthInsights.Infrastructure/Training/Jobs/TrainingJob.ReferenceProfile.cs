using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Monitoring;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

public sealed partial class TrainingJob
{
    /// <summary>The artifact folder of the best model's run that holds the reference profile.</summary>
    public const string ReferenceProfileArtifactPath = "monitoring";

    /// <summary>
    /// Writes reference-profile.json (the strict monitoring profile's bins, fixed at training
    /// time: feature quantile bins and categories of the training data, and the best model's
    /// probability, label and outcome) into the output folder. Null when no best model exists.
    /// Bins only: quantile edges and category names, never a record.
    /// </summary>
    private static string? WriteReferenceProfile(
        TrainingJobOptions options,
        IReadOnlyList<MentalHealthRecord> records,
        TrainingReport report,
        TrainingResult result
    )
    {
        if (
            report.Outcome != TrainingOutcome.Completed
            || report.BestModel is not { } best
            || result.Find(best) is not { } model
        )
        {
            return null;
        }
        var probabilities = new double[records.Count];
        var labels = new bool[records.Count];
        Parallel.For(
            0,
            records.Count,
            i =>
            {
                probabilities[i] = model.PredictProbability(records[i]);
                labels[i] = probabilities[i] >= model.Threshold;
            }
        );
        var dataset = MonitoringDataset.FromRecords(
            records,
            probabilities,
            labels,
            model.Threshold
        );
        var profile = ReferenceProfile.Build(dataset, new DriftOptions().ReferenceBins);
        var path = Path.Combine(options.OutputDirectory, MonitoringReportWriter.ProfileFileName);
        MonitoringReportWriter.WriteProfile(profile, path);
        return path;
    }
}
