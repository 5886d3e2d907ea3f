using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using Quartz;

namespace MentalHealthInsights.Infrastructure.Scheduling;

public sealed partial class PipelineScheduler
{
    /// <summary>
    /// Makes the job store's schedules match <paramref name="schedules"/>: adds new ones,
    /// replaces changed ones, leaves unchanged ones alone (keeping their next fire time, so
    /// restarts neither skip nor repeat firings) and removes ones no longer declared. Run it
    /// in one place only (see docs/scheduling.md).
    /// </summary>
    public async Task<ScheduleSyncResult> ApplySchedulesAsync(
        IReadOnlyList<ScheduleSettings> schedules,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(schedules);
        List<string> added = [],
            updated = [],
            unchanged = [],
            removed = [];
        foreach (var schedule in schedules)
        {
            await EnsureJobAsync(schedule.Pipeline, cancellationToken);
            var key = new TriggerKey(schedule.Name, ScheduleGroup);
            var wanted = BuildTrigger(schedule, key);
            var existing = await Scheduler.GetTrigger(key, cancellationToken);
            if (existing is ICronTrigger cron && Same(cron, (ICronTrigger)wanted))
            {
                unchanged.Add(schedule.Name);
                continue;
            }
            await Scheduler.ScheduleJob(wanted, ScheduleJobOptions.Replacing, cancellationToken);
            (existing is null ? added : updated).Add(schedule.Name);
        }
        var declared = schedules.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var stored = await ScheduleKeysAsync(cancellationToken);
        foreach (var key in stored.Where(k => !declared.Contains(k.Name)))
        {
            await Scheduler.UnscheduleJob(key, cancellationToken);
            removed.Add(key.Name);
        }
        return new ScheduleSyncResult(added, updated, unchanged, removed);
    }

    /// <summary>The next fire time of each schedule in the job store (null when it will not fire again).</summary>
    public async Task<
        IReadOnlyList<(string Name, string Pipeline, DateTimeOffset? Next)>
    > ListSchedulesAsync(CancellationToken cancellationToken)
    {
        var keys = await ScheduleKeysAsync(cancellationToken);
        var list = new List<(string, string, DateTimeOffset?)>();
        foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            if (await Scheduler.GetTrigger(key, cancellationToken) is { } trigger)
            {
                list.Add(
                    (
                        key.Name,
                        PipelineJobData.Text(trigger.JobDataMap, PipelineJobData.Pipeline) ?? "",
                        trigger.NextFireTimeUtc
                    )
                );
            }
        }
        return list;
    }

    private async Task<List<TriggerKey>> ScheduleKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<TriggerKey>();
        var query = new TriggerQuery
        {
            Group = GroupMatcher<TriggerKey>.GroupEquals(ScheduleGroup),
            Take = 500,
        };
        while (true)
        {
            var page = await Scheduler.QueryTriggers(query, cancellationToken);
            keys.AddRange(page.Items.Select(t => t.Key));
            if (!page.HasMore)
            {
                return keys;
            }
            query = query with { Skip = query.Skip + page.Items.Count };
        }
    }

    private ITrigger BuildTrigger(ScheduleSettings schedule, TriggerKey key) =>
        TriggerBuilder
            .Create(_time)
            .WithIdentity(key)
            .ForJob(PipelineJobData.JobKey(schedule.Pipeline))
            .WithDescription($"{schedule.Pipeline}: {schedule.Cron} ({schedule.TimeZone})")
            .UsingJobData(
                PipelineJobData.Create(
                    schedule.Pipeline,
                    schedule.Parameters,
                    PipelineTrigger.Schedule
                )
            )
            .WithSchedule(
                CronScheduleBuilder
                    .Create(schedule.Cron)
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone))
                    .WithMisfireInstruction(
                        schedule.Misfire == "skip"
                            ? CronTriggerMisfireInstruction.DoNothing
                            : CronTriggerMisfireInstruction.FireAndProceed
                    )
            )
            .Build();

    private static bool Same(ICronTrigger a, ICronTrigger b) =>
        a.JobKey.Equals(b.JobKey)
        && a.CronExpressionString == b.CronExpressionString
        && a.TimeZone.Id == b.TimeZone.Id
        && a.MisfireInstruction == b.MisfireInstruction
        && PipelineJobData.Text(a.JobDataMap, PipelineJobData.Parameters)
            == PipelineJobData.Text(b.JobDataMap, PipelineJobData.Parameters);
}
