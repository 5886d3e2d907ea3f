using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Scheduling;
using MentalHealthInsights.Server.Apis;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// Hosts the <see cref="PipelineScheduler"/> of <c>mhi worker</c> inside the server when
/// <see cref="SchedulingOptions.Enabled"/>: the same settings file, job store (SQLite or a
/// PostgreSQL cluster, where the server is one more node), schedules and queue. Runs are
/// recorded in <see cref="DashboardStores.PipelinesLocation"/>, the store the pipelines page
/// reads: <c>Pipelines:Store</c> when set, else as the worker chooses (MHI_PIPELINE_STORE, the
/// settings' run store, sqlite:///pipelines.db). A bad
/// settings file refuses the start (exit code 2). On shutdown the scheduler takes no new
/// firings and waits for the running pipeline, which sees the cancellation and records it
/// (Cancelled); if the host's shutdown timeout ends the wait first, the run's lease expires and
/// the next start marks it Crashed, never Running forever.
/// </summary>
internal sealed partial class PipelineSchedulerService(
    SchedulingOptions options,
    SchedulingSettings schedulingSettings,
    SchedulerCatalog catalog,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<PipelineSchedulerService> logger
) : IHostedService, IAsyncDisposable
{
    private SqlPipelineRunStore? _store;
    private PipelineScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        var settings = schedulingSettings.Value;
        var runnerOptions = settings.ToRunnerOptions(options.InstanceId);
        try
        {
            _store = await PipelineRunStoreFactory.OpenAsync(
                DashboardStores.PipelinesLocation(configuration, settings),
                cancellationToken
            );
        }
        catch (ArgumentException ex)
        {
            throw new StartupRefusedException("Scheduling: " + ex.Message);
        }
        foreach (
            var crashed in await new PipelineRunner(
                _store,
                time,
                runnerOptions
            ).RecoverAbandonedAsync(cancellationToken)
        )
        {
            LogCrashed(logger, crashed);
        }
        _scheduler = await PipelineScheduler.StartNodeAsync(
            settings,
            new PipelineJobServices(_store, time, runnerOptions, line => LogLine(logger, line))
            {
                Pipelines = catalog.Find,
            },
            options.ApplySchedules,
            Report,
            cancellationToken
        );
        LogStarted(
            logger,
            runnerOptions.OwnerId,
            settings.Scheduler.Clustered ? "clustered" : "single node"
        );
    }

    private void Report(SchedulerNodeStartup startup)
    {
        if (startup.Applied is { } applied)
        {
            LogApplied(
                logger,
                applied.Added.Count,
                applied.Updated.Count,
                applied.Unchanged.Count,
                applied.Removed.Count
            );
        }
        foreach (var (name, pipeline, next) in startup.Schedules)
        {
            LogSchedule(logger, name, pipeline, next);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is null)
        {
            return;
        }
        // No new firings; the running pipeline is cancelled and records it before this returns.
        await _scheduler.StopAsync(cancellationToken);
        LogStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync();
        }
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: {Line}")]
    private static partial void LogLine(ILogger logger, string line);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Scheduler: marked run {RunId} as crashed: its process stopped heartbeating"
    )]
    private static partial void LogCrashed(ILogger logger, string runId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Scheduler: schedules {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed"
    )]
    private static partial void LogApplied(
        ILogger logger,
        int added,
        int updated,
        int unchanged,
        int removed
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Scheduler: schedule {Schedule} ({Pipeline}) next fires at {Next}"
    )]
    private static partial void LogSchedule(
        ILogger logger,
        string schedule,
        string pipeline,
        DateTimeOffset? next
    );

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler {Instance} started ({Mode})")]
    private static partial void LogStarted(ILogger logger, string instance, string mode);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Scheduler stopped: its running pipelines recorded their end"
    )]
    private static partial void LogStopped(ILogger logger);
}
