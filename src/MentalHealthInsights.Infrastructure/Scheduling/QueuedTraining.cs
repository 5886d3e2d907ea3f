using System.Data.Common;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Pipelines.Training;

namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>
/// Queues a run of the <c>training</c> pipeline with trigger alert for the workers: the one way
/// monitoring asks for a retraining through the queue (the monitoring pipeline's retrain step and
/// the alert retraining trigger). The run's id is derived from the request, so a request repeated
/// before a worker picks it up replaces the queued one.
/// </summary>
public static class QueuedTraining
{
    /// <summary>The message prefix of a failure to queue.</summary>
    public const string FailurePrefix = "could not queue the training pipeline: ";

    /// <summary>
    /// Writes the trigger on <paramref name="queue"/>'s job store (a client scheduler that never
    /// runs jobs); null on success, else a message naming the store (never record values).
    /// </summary>
    public static async Task<string?> TryEnqueueAsync(
        SchedulerSettings queue,
        IReadOnlyDictionary<string, string> parameters,
        string runId,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await using var scheduler = await PipelineScheduler.CreateClientAsync(
                queue,
                time,
                cancellationToken
            );
            await scheduler.EnqueueAsync(
                TrainingPipeline.PipelineName,
                parameters,
                PipelineTrigger.Alert,
                runId,
                noCache: false,
                cancellationToken
            );
            return null;
        }
        catch (Exception ex)
            when (ex is Quartz.SchedulerException or ArgumentException or DbException or IOException
            )
        {
            return FailurePrefix + ex.Message;
        }
    }
}
