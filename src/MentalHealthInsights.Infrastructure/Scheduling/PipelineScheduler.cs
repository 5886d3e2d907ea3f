using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>
/// The Quartz scheduler behind <c>mhi worker</c> and the pipeline queue. Embedded default: a
/// persistent SQLite job store (schema created by Quartz on first use), one node. Scale-out: a
/// PostgreSQL job store in clustered mode, where each firing runs on exactly one node and the
/// jobs of a dead node are recovered by another. Schedules are written to the job store by
/// <see cref="ApplySchedulesAsync"/> only — never declared by every node at start-up, which
/// double-fires in a cluster.
/// </summary>
public sealed partial class PipelineScheduler : IAsyncDisposable
{
    /// <summary>The trigger group of configured schedules.</summary>
    public const string ScheduleGroup = "mhi-schedules";

    /// <summary>The trigger group of queued (manual and alert) runs.</summary>
    public const string QueueGroup = "mhi-queue";

    private readonly ServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly PipelineNodeJobs _jobs;

    private PipelineScheduler(
        ServiceProvider services,
        IScheduler scheduler,
        TimeProvider time,
        PipelineNodeJobs jobs
    )
    {
        _services = services;
        Scheduler = scheduler;
        _time = time;
        _jobs = jobs;
    }

    /// <summary>The Quartz scheduler (not started until <see cref="StartAsync"/>).</summary>
    public IScheduler Scheduler { get; }

    /// <summary>
    /// Builds the scheduler on the job store in <paramref name="settings"/>. Not started: a
    /// client that only queues runs or applies schedules never executes jobs.
    /// </summary>
    public static async Task<PipelineScheduler> CreateAsync(
        SchedulerSettings settings,
        PipelineJobServices jobServices,
        string? instanceId = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(jobServices);
        var jobs = new PipelineNodeJobs();
        var services = new ServiceCollection();
        services.AddSingleton(jobServices with { Node = jobs });
        // Quartz logs through Microsoft.Extensions.Logging; the worker prints its own lines.
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(jobServices.Time);
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = settings.InstanceName;
                s.InstanceId = instanceId ?? jobServices.RunnerOptions.OwnerId;
                // A queued run written by another process is noticed within this time.
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            q.UseDefaultThreadPool(settings.Threads);
            q.UsePersistentStore(store =>
            {
                if (DatabaseLocation.SqlitePath(settings.JobStore, "job store") is { } path)
                {
                    store.UseSqlite(DatabaseLocation.SqliteConnectionString(path));
                }
                else
                {
                    store.UsePostgres(DatabaseLocation.NpgsqlConnectionString(settings.JobStore));
                }
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                    o.MisfireThreshold = TimeSpan.FromSeconds(settings.MisfireThresholdSeconds)
                );
                if (settings.Clustered)
                {
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(settings.CheckinIntervalSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(
                            settings.CheckinIntervalSeconds
                        );
                    });
                }
            });
        });
        var provider = services.BuildServiceProvider();
        try
        {
            var scheduler = await provider
                .GetRequiredService<ISchedulerFactory>()
                .GetScheduler(cancellationToken);
            return new PipelineScheduler(provider, scheduler, jobServices.Time, jobs);
        }
        catch
        {
            await provider.DisposeAsync();
            jobs.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A client of the queue: a scheduler on <paramref name="settings"/>' job store that is never
    /// started, so it only writes triggers (<see cref="EnqueueAsync"/>) for the workers to run.
    /// Its job services are never used (no job executes here). <see cref="SchedulerSettings.InstanceName"/>
    /// must be the workers' (Quartz keys every row by it).
    /// </summary>
    public static Task<PipelineScheduler> CreateClientAsync(
        SchedulerSettings settings,
        TimeProvider time,
        CancellationToken cancellationToken
    ) =>
        CreateAsync(
            settings,
            new PipelineJobServices(
                new InMemoryPipelineRunStore(),
                time,
                new PipelineRunnerOptions(),
                null
            ),
            "client-" + Guid.NewGuid().ToString("N")[..12],
            cancellationToken
        );

    /// <summary>Starts executing jobs.</summary>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await Scheduler.Start(cancellationToken);

    /// <summary>
    /// Puts a run of <paramref name="pipeline"/> on the queue (a one-shot trigger on the
    /// pipeline's job, the same job schedules fire): the next free worker runs it with run id
    /// <paramref name="runId"/>. Manual and alert triggers come through here.
    /// </summary>
    public async Task EnqueueAsync(
        string pipeline,
        IReadOnlyDictionary<string, string> parameters,
        PipelineTrigger trigger,
        string runId,
        bool noCache,
        CancellationToken cancellationToken
    )
    {
        await EnsureJobAsync(pipeline, cancellationToken);
        var queued = TriggerBuilder
            .Create(_time)
            .WithIdentity(runId, QueueGroup)
            .ForJob(PipelineJobData.JobKey(pipeline))
            .UsingJobData(PipelineJobData.Create(pipeline, parameters, trigger, runId, noCache))
            .StartNow()
            // A queued run waiting behind a long one still runs once its turn comes.
            .WithSchedule(
                SimpleScheduleBuilder
                    .Create()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)
            )
            .Build();
        await Scheduler.ScheduleJob(queued, ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>
    /// A graceful stop: takes no new firings, cancels the pipelines running on this node (each
    /// records Cancelled and ends its steps; a firing already taken before the standby starts,
    /// sees the stop and records its run Cancelled too) and waits for them to finish recording.
    /// Other nodes' runs are untouched. A cancelled run is not retried by Quartz; queue it again
    /// to run it. If <paramref name="cancellationToken"/> ends the wait first, the runs' leases
    /// expire and the next start marks them Crashed. A second stop (a host stopped twice: once by
    /// the application, again when it is disposed) finds the scheduler shut down and returns.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Scheduler.Status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)
        {
            return;
        }

        await Scheduler.Standby(cancellationToken);
        // This node's own signal, not Quartz's interrupt of the firings its store lists as
        // executing: that listing can miss a firing that is just starting, whose run then
        // stayed Running while Shutdown waited for it.
        await _jobs.StopAsync(cancellationToken);
        await Scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    /// <summary>The pipeline jobs executing on this node now.</summary>
    public int RunningJobs => _jobs.Running;

    /// <summary>Stops: waits for running jobs when <paramref name="waitForJobs"/>.</summary>
    public async Task ShutdownAsync(bool waitForJobs, CancellationToken cancellationToken) =>
        await Scheduler.Shutdown(waitForJobs, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Scheduler.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
        {
            // Disposed without a stop: the running pipelines are still told to cancel (and
            // record it) rather than left running unowned; this does not wait for them.
            await _jobs.CancelAsync();
            await Scheduler.Shutdown(false);
        }
        await _services.DisposeAsync();
        _jobs.Dispose();
    }

    private async Task EnsureJobAsync(string pipeline, CancellationToken cancellationToken)
    {
        var key = PipelineJobData.JobKey(pipeline);
        if (await Scheduler.Exists(key, cancellationToken))
        {
            return;
        }
        var job = JobBuilder
            .Create<PipelineJob>()
            .WithIdentity(key)
            .WithDescription($"runs the {pipeline} pipeline")
            .StoreDurably()
            // A node that dies mid-run: another node runs the job again (Recovering = true).
            .RequestRecovery()
            .DisallowConcurrentExecution()
            .Build();
        await Scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
    }
}
