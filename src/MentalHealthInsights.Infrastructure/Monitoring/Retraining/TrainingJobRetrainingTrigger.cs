using System.Globalization;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Training;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Monitoring.Retraining;

/// <summary>
/// Retrains with the project's <see cref="TrainingJob"/> on the newest labelled data, with
/// tracking on and promotion never forced: the registry's promotion gate alone decides whether
/// the new version becomes champion. The job runs on a worker thread and the call waits for it
/// (a pipeline queue can take this port's place later).
/// </summary>
/// <param name="options">What to train on and where to write.</param>
/// <param name="time">The clock given to the training job.</param>
public sealed class TrainingJobRetrainingTrigger(
    TrainingJobRetrainingOptions options,
    TimeProvider time
) : IRetrainingTrigger
{
    /// <inheritdoc />
    public async Task<RetrainingOutcome> TriggerAsync(
        RetrainingRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = NewestData(options.DataPath);
        if (data is null)
        {
            return RetrainingOutcome.Failed(
                $"no labelled data: '{options.DataPath}' is neither a CSV file nor a folder holding one."
            );
        }

        var jobOptions = new TrainingJobOptions
        {
            InputPath = data,
            OutputDirectory = Path.Combine(
                options.OutputRoot,
                "retrain-" + SafeName(request.MonitoringRunId)
            ),
            Models = options.Models ?? TrainerRegistry.ModelNames,
            Threads = options.Threads,
            Protocol = options.Protocol,
            ModelName = options.ModelName,
            ExperimentName = options.ExperimentName,
            TrackingUri = options.TrackingUri,
            PromotionMargin = options.PromotionMargin,
            // The contract of the port: a retrain never bypasses the promotion gate.
            Track = true,
            ForcePromotion = false,
        };

        TrainingJobResult result;
        try
        {
            result = await Task.Run(
                () => new TrainingJob(time).Run(jobOptions, cancellationToken: cancellationToken),
                cancellationToken
            );
        }
        catch (InvalidDataException ex)
        {
            return RetrainingOutcome.Failed("the labelled data is unusable: " + ex.Message);
        }

        var tracking = result.Tracking;
        if (tracking is null)
        {
            return new RetrainingOutcome(true, null, null, null, false, null, "tracking was off");
        }
        return new RetrainingOutcome(
            true,
            tracking.ParentRunId,
            tracking.RegisteredModel,
            tracking.Version,
            tracking.PromotedToChampion,
            tracking.PromotionReason
                ?? string.Create(
                    CultureInfo.InvariantCulture,
                    $"training ended with outcome {result.Report.Outcome}; no version registered"
                ),
            tracking.Error
        );
    }

    /// <summary>The file itself, or the newest CSV in the folder (last write time, then name); null when none.</summary>
    public static string? NewestData(string path)
    {
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }
        if (!Directory.Exists(path))
        {
            return null;
        }
        return new DirectoryInfo(path)
            .EnumerateFiles("*.csv")
            .Where(f => !f.Name.StartsWith('.'))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName)
            .FirstOrDefault();
    }

    private static string SafeName(string runId) =>
        string.Concat(
            runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')
        );
}
