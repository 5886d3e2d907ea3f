namespace MentalHealthInsights.Infrastructure.Pipelines.Configuration;

/// <summary>The Quartz scheduler of <c>mhi worker</c>.</summary>
public sealed record SchedulerSettings
{
    /// <summary>
    /// The job store: <c>sqlite:///PATH</c> (default <c>sqlite:///quartz.db</c>, one worker) or a
    /// PostgreSQL location (<c>postgresql://…</c> or <c>Host=…</c>), required for clustering.
    /// </summary>
    public string JobStore { get; set; } = "sqlite:///quartz.db";

    /// <summary>Run as one node of a cluster (PostgreSQL only). Default false.</summary>
    public bool Clustered { get; set; }

    /// <summary>Scheduler name; every node of one cluster uses the same. Default "mhi".</summary>
    public string InstanceName { get; set; } = "mhi";

    /// <summary>How often a clustered node checks in, in seconds; a node silent for longer is presumed dead. Default 7.5.</summary>
    public double CheckinIntervalSeconds { get; set; } = 7.5;

    /// <summary>A firing later than this (seconds) is a misfire and follows the schedule's misfire rule. Default 60.</summary>
    public double MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>Pipelines one worker runs at once. Default 1 (training is CPU-bound).</summary>
    public int Threads { get; set; } = 1;
}
