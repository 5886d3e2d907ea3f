using System.Globalization;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Storage;
using Quartz;

namespace MentalHealthInsights.Infrastructure.Pipelines.Configuration;

/// <summary>
/// The pipelines settings file (<c>mhi-pipelines.json</c>): run store, heartbeat and lease,
/// step retry policies, the scheduler and the schedules. Every value has a default, so no file
/// is needed for the embedded single-process setup.
/// </summary>
public sealed record PipelineSettings
{
    /// <summary>The run store location; null uses MHI_PIPELINE_STORE, else <c>sqlite:///pipelines.db</c>.</summary>
    public string? RunStore { get; set; }

    /// <summary>Largest <see cref="HeartbeatSeconds"/>: 3,600 (one hour).</summary>
    public const double MaxHeartbeatSeconds = 3_600;

    /// <summary>Largest <see cref="LeaseSeconds"/>: 86,400 (one day).</summary>
    public const double MaxLeaseSeconds = 86_400;

    /// <summary>Largest <see cref="SchedulerSettings.CheckinIntervalSeconds"/>: 3,600 (one hour).</summary>
    public const double MaxCheckinIntervalSeconds = 3_600;

    /// <summary>Largest <see cref="SchedulerSettings.MisfireThresholdSeconds"/>: 86,400 (one day).</summary>
    public const double MaxMisfireThresholdSeconds = 86_400;

    /// <summary>Heartbeat and cancel-poll interval, seconds, in (0, 3600]. Default 5.</summary>
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>
    /// A run silent for longer than this (seconds) is marked Crashed on the next start; at most
    /// 86,400 and at least twice the heartbeat. Default 60.
    /// </summary>
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>Step policies by <c>pipeline/step</c>, <c>pipeline/*</c> or <c>*</c>.</summary>
    public Dictionary<string, StepPolicySettings> Steps { get; init; } = [];

    /// <summary>The worker's scheduler.</summary>
    public SchedulerSettings Scheduler { get; set; } = new();

    /// <summary>Cron schedules. Declared here only: workers apply them to the job store (see docs/scheduling.md).</summary>
    public List<ScheduleSettings> Schedules { get; init; } = [];

    /// <summary>
    /// The runner options these settings describe; <paramref name="ownerId"/> (a node's
    /// <c>--instance-id</c>), when given, replaces the default owner id (host/pid/random).
    /// </summary>
    public PipelineRunnerOptions ToRunnerOptions(string? ownerId = null)
    {
        var options = new PipelineRunnerOptions
        {
            Policies = Steps.ToDictionary(
                p => p.Key,
                p => p.Value.ToPolicy(),
                StringComparer.Ordinal
            ),
            HeartbeatInterval = TimeSpan.FromSeconds(HeartbeatSeconds),
            Lease = TimeSpan.FromSeconds(LeaseSeconds),
        };
        return ownerId is { Length: > 0 } id ? options with { OwnerId = id } : options;
    }

    /// <summary>Every problem with the values (empty when usable): checked at start-up.</summary>
    public IReadOnlyList<string> FindProblems(IReadOnlyCollection<string> pipelineNames)
    {
        ArgumentNullException.ThrowIfNull(pipelineNames);
        var problems = new List<string>(RangeProblems());
        foreach (var (key, policy) in Steps)
        {
            if (StepKeyProblem(key, pipelineNames) is { } problem)
            {
                problems.Add(problem);
            }
            problems.AddRange(policy.FindProblems(key));
        }
        if (problems.Count == 0)
        {
            // Only now representable as TimeSpans: the runner's own checks (lease ≥ 2 × heartbeat).
            problems.AddRange(ToRunnerOptions().FindProblems());
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in Schedules)
        {
            var label = $"schedule '{schedule.Name}'";
            if (schedule.Name.Length == 0 || !names.Add(schedule.Name))
            {
                problems.Add($"{label}: every schedule needs a unique name.");
            }
            if (!pipelineNames.Contains(schedule.Pipeline))
            {
                problems.Add(
                    $"{label}: unknown pipeline '{schedule.Pipeline}' (known: {string.Join(", ", pipelineNames)})."
                );
            }
            else if (PipelineCatalog.Find(schedule.Pipeline, TimeProvider.System) is { } definition)
            {
                // The same checks as mhi pipeline run: a bad parameter is refused at start-up,
                // not at the first firing.
                problems.AddRange(
                    definition
                        .ResolveParameters(schedule.Parameters)
                        .Problems.Select(p => $"{label}: {p}")
                );
            }
            if (!IsCron(schedule.Cron))
            {
                problems.Add(
                    $"{label}: '{schedule.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)."
                );
            }
            if (schedule.Misfire is not ("fire-once" or "skip"))
            {
                problems.Add($"{label}: misfire must be fire-once or skip.");
            }
            try
            {
                TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
            }
            catch (TimeZoneNotFoundException)
            {
                problems.Add($"{label}: unknown time zone '{schedule.TimeZone}'.");
            }
        }
        foreach (
            var (what, location) in new[]
            {
                ("job store", Scheduler.JobStore),
                ("run store", RunStore),
            }
        )
        {
            try
            {
                if (location is not null)
                {
                    DatabaseLocation.Validate(location, what);
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }
        if (Scheduler.Clustered && !DatabaseLocation.IsPostgres(Scheduler.JobStore))
        {
            problems.Add(
                "scheduler: clustering needs a PostgreSQL job store (Quartz refuses SQLite in clustered mode)."
            );
        }
        if (Scheduler.Threads < 1)
        {
            problems.Add("scheduler: threads must be at least 1.");
        }
        return problems;
    }

    /// <summary>The duration settings outside their documented ranges (NaN included).</summary>
    private List<string> RangeProblems()
    {
        var problems = new List<string>();
        Check("", "heartbeatSeconds", HeartbeatSeconds, MaxHeartbeatSeconds, "(one hour)");
        Check("", "leaseSeconds", LeaseSeconds, MaxLeaseSeconds, "(one day)");
        Check(
            "scheduler",
            "checkinIntervalSeconds",
            Scheduler.CheckinIntervalSeconds,
            MaxCheckinIntervalSeconds,
            "(one hour)"
        );
        Check(
            "scheduler",
            "misfireThresholdSeconds",
            Scheduler.MisfireThresholdSeconds,
            MaxMisfireThresholdSeconds,
            "(one day)"
        );
        if (problems.Count == 0 && LeaseSeconds < 2 * HeartbeatSeconds)
        {
            problems.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"leaseSeconds ({LeaseSeconds:G6}) must be at least twice heartbeatSeconds ({HeartbeatSeconds:G6})."
                )
            );
        }
        return problems;

        void Check(string where, string name, double value, double maximum, string note)
        {
            if (!(value > 0 && value <= maximum))
            {
                problems.Add(
                    StepPolicySettings.Problem(
                        where,
                        name,
                        value,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"greater than 0 and at most {maximum} seconds {note}"
                        )
                    )
                );
            }
        }
    }

    /// <summary>
    /// Null for <c>*</c>, <c>PIPELINE/*</c> or <c>PIPELINE/STEP</c> of a known pipeline (and,
    /// for this build's pipelines, a known step); else the problem.
    /// </summary>
    private static string? StepKeyProblem(string key, IReadOnlyCollection<string> pipelineNames)
    {
        if (key == "*")
        {
            return null;
        }
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            return $"steps[\"{key}\"]: a step policy key is PIPELINE/STEP, PIPELINE/* or *.";
        }
        var pipeline = key[..slash];
        var step = key[(slash + 1)..];
        if (!pipelineNames.Contains(pipeline))
        {
            return $"steps[\"{key}\"]: unknown pipeline '{pipeline}' (known: {string.Join(", ", pipelineNames)}).";
        }
        return
            step != "*"
            && PipelineCatalog.Find(pipeline, TimeProvider.System) is { } definition
            && !definition.Steps.Any(s => s.Name == step)
            ? $"steps[\"{key}\"]: pipeline {pipeline} has no step '{step}' (steps: {string.Join(", ", definition.Steps.Select(s => s.Name))})."
            : null;
    }

    private static bool IsCron(string text)
    {
        try
        {
            _ = new CronExpression(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
