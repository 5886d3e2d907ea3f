using System.Globalization;
using MentalHealthInsights.Core.Pipelines;
using Quartz;

namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>
/// The Quartz job that runs a pipeline, for schedules and for the queue alike. The run id of a
/// scheduled firing is derived from the trigger and its scheduled time, so a firing that were
/// executed twice (by two nodes) would collide on the run store's primary key instead of
/// silently running twice. When Quartz recovers the job of a dead node (<c>RequestRecovery</c>),
/// the dead node's run is marked Crashed and a new run takes over.
/// </summary>
/// <param name="services">Store, clock and runner options.</param>
[DisallowConcurrentExecution]
public sealed class PipelineJob(PipelineJobServices services) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(
        IJobExecutionContext context,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var name = PipelineJobData.Text(data, PipelineJobData.Pipeline) ?? "";
        var definition = services.Pipelines(name, services.Time);
        if (definition is null)
        {
            services.Report?.Invoke(
                $"trigger {context.Trigger.Key}: unknown pipeline '{name}', skipped."
            );
            return;
        }
        var trigger = Enum.TryParse<PipelineTrigger>(
            PipelineJobData.Text(data, PipelineJobData.Trigger),
            out var kind
        )
            ? kind
            : PipelineTrigger.Schedule;
        var firing = FiringKey(context);
        var runId =
            PipelineJobData.Text(data, PipelineJobData.RunId) ?? PipelineRunId.Derive(firing);
        if (context.Recovering)
        {
            var newId = PipelineRunId.Derive(firing + "|recovered|" + context.FireInstanceId);
            await MarkTakenOverAsync(runId, newId, context);
            runId = newId;
        }
        // The node's stop reaches this run even if Quartz never lists the firing as executing.
        using var membership = services.Node?.Enter();
        using var stopOrInterrupt = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken,
            services.Node?.Stopping ?? CancellationToken.None
        );
        var runner = new PipelineRunner(services.Store, services.Time, services.RunnerOptions);
        // Long-lived workers sweep too, not only commands at start-up: a run whose owner died
        // is marked Crashed within one lease plus one firing.
        foreach (var crashed in await runner.RecoverAbandonedAsync(CancellationToken.None))
        {
            services.Report?.Invoke(
                $"marked run {crashed} as crashed: its owner stopped heartbeating"
            );
        }
        services.Report?.Invoke(
            $"firing {firing} → run {runId} ({name}, {trigger.ToString().ToLowerInvariant()}{(context.Recovering ? ", recovered" : "")}) started on {services.RunnerOptions.OwnerId}"
        );
        try
        {
            var result = await runner.RunAsync(
                definition,
                new PipelineRunRequest
                {
                    Parameters = PipelineJobData.ReadParameters(data),
                    Trigger = trigger,
                    RunId = runId,
                    NoCache = PipelineJobData.Text(data, PipelineJobData.NoCache) == "true",
                },
                stopOrInterrupt.Token
            );
            services.Report?.Invoke(
                $"firing {firing} → run {runId} {result.Run.State}{(result.Run.Error is null ? "" : ": " + result.Run.Error)}"
            );
        }
        catch (ArgumentException ex)
        {
            // Bad parameters in a schedule or queued request: recorded in the worker's output.
            services.Report?.Invoke($"firing {firing}: {ex.Message}");
        }
    }

    /// <summary>The firing's identity: trigger key and scheduled time (UTC ticks).</summary>
    public static string FiringKey(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key =
            context.Recovering && context.RecoveringTriggerKey is { } original
                ? original
                : context.Trigger.Key;
        var when = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcTicks;
        return string.Create(CultureInfo.InvariantCulture, $"{key}@{when}");
    }

    private async Task MarkTakenOverAsync(string oldId, string newId, IJobExecutionContext context)
    {
        var old = await services.Store.GetRunAsync(oldId, CancellationToken.None);
        if (old is null || old.IsFinished)
        {
            return;
        }
        // The store checks again, in one transaction, that the run is still unfinished.
        await services.Store.MarkCrashedAsync(
            oldId,
            services.Time.GetUtcNow(),
            $"crashed: its worker ({old.OwnerId}) died during the run; Quartz recovered the job on {context.Scheduler.SchedulerInstanceId} as run {newId}",
            CancellationToken.None
        );
    }
}
