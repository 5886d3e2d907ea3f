using System.Globalization;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Scheduling;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Infrastructure.Training;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Monitoring.Retraining;

/// <summary>
/// Retrains on the newest labelled data with tracking on and promotion never forced: the
/// registry's promotion gate alone decides whether the new version becomes champion. With
/// <see cref="TrainingJobRetrainingOptions.Queue"/> set, the retraining is a run of the
/// <c>training</c> pipeline with trigger alert, put on the workers' queue (the same queue as
/// scheduled and manual runs); without it (the fallback) the <see cref="TrainingJob"/> runs here,
/// on a worker thread, and the call waits for it.
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
        var output = Path.Combine(
            options.OutputRoot,
            "retrain-" + SafeName(request.MonitoringRunId)
        );
        return options.Queue is null
            ? await TrainHereAsync(data, output, cancellationToken)
            : await EnqueueAsync(request, data, output, cancellationToken);
    }

    /// <summary>
    /// The run id a queued retraining for <paramref name="monitoringRunId"/> gets: derived from
    /// it, so a request repeated before a worker picks it up replaces the queued one.
    /// </summary>
    public static string QueuedRunId(string monitoringRunId) =>
        PipelineRunId.Derive("alert-retraining|" + monitoringRunId);

    /// <summary>The <c>training</c> pipeline's parameters equivalent to the options, for data <paramref name="data"/> and folder <paramref name="output"/>.</summary>
    public Dictionary<string, string> PipelineParameters(string data, string output)
    {
        var c = CultureInfo.InvariantCulture;
        var protocol = options.Protocol;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["input"] = data,
            ["out"] = output,
            ["models"] = string.Join(",", options.Models ?? TrainerRegistry.ModelNames),
            ["threads"] = options.Threads.ToString(c),
            ["seed"] = protocol.Seed.ToString(c),
            ["folds"] = protocol.Folds.ToString(c),
            ["search-budget"] = protocol.SearchBudget.ToString(c),
            ["search-strategy"] =
                protocol.SearchStrategy == SearchStrategy.Full ? "full" : "halving",
            ["bootstrap"] = protocol.BootstrapResamples.ToString(c),
            // Resolved here, as inline training would: the worker may not share this environment.
            ["tracking-uri"] =
                options.TrackingUri
                ?? Environment.GetEnvironmentVariable(TrackingBackendFactory.TrackingUriVariable)
                ?? "",
            ["experiment"] = options.ExperimentName,
            ["model-name"] = options.ModelName,
            ["promotion-margin"] = options.PromotionMargin.ToString("R", c),
        };
    }

    private async Task<RetrainingOutcome> EnqueueAsync(
        RetrainingRequest request,
        string data,
        string output,
        CancellationToken cancellationToken
    )
    {
        var runId = QueuedRunId(request.MonitoringRunId);
        // The port reports failures in the outcome; the message names the store, not data.
        var failure = await QueuedTraining.TryEnqueueAsync(
            options.Queue!,
            PipelineParameters(data, output),
            runId,
            time,
            cancellationToken
        );
        if (failure is not null)
        {
            return RetrainingOutcome.Failed(failure);
        }
        return new RetrainingOutcome(
            true,
            null,
            null,
            null,
            false,
            $"queued as training pipeline run {runId} (trigger alert); a worker runs it and the promotion gate decides",
            null
        );
    }

    private async Task<RetrainingOutcome> TrainHereAsync(
        string data,
        string output,
        CancellationToken cancellationToken
    )
    {
        var jobOptions = new TrainingJobOptions
        {
            InputPath = data,
            OutputDirectory = output,
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
