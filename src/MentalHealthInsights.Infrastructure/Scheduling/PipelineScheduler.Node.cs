using MentalHealthInsights.Infrastructure.Pipelines.Configuration;

namespace MentalHealthInsights.Infrastructure.Scheduling;

public sealed partial class PipelineScheduler
{
    /// <summary>
    /// Starts this process as a worker node, the one start-up of <c>mhi worker</c> and of the
    /// scheduler in <c>mhi serve</c>: builds the scheduler on <paramref name="settings"/>' job
    /// store with the runner options' owner id as instance id, writes the settings' schedules
    /// when <paramref name="applySchedules"/> (null: only on a single node, so a cluster declares
    /// them in one place), lists the job store's schedules, gives all that to
    /// <paramref name="report"/> and only then starts executing jobs (so the host's report
    /// comes before any firing's lines). Returns the started scheduler.
    /// </summary>
    public static async Task<PipelineScheduler> StartNodeAsync(
        PipelineSettings settings,
        PipelineJobServices jobServices,
        bool? applySchedules,
        Action<SchedulerNodeStartup> report,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(jobServices);
        ArgumentNullException.ThrowIfNull(report);
        var scheduler = await CreateAsync(
            settings.Scheduler,
            jobServices,
            jobServices.RunnerOptions.OwnerId,
            cancellationToken
        );
        try
        {
            var applied =
                applySchedules ?? !settings.Scheduler.Clustered
                    ? await scheduler.ApplySchedulesAsync(settings.Schedules, cancellationToken)
                    : null;
            report(
                new SchedulerNodeStartup(
                    applied,
                    await scheduler.ListSchedulesAsync(cancellationToken)
                )
            );
            await scheduler.StartAsync(cancellationToken);
            return scheduler;
        }
        catch
        {
            await scheduler.DisposeAsync();
            throw;
        }
    }
}
