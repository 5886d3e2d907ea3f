namespace MentalHealthInsights.Infrastructure.Pipelines.Configuration;

/// <summary>One cron schedule of a pipeline.</summary>
public sealed record ScheduleSettings
{
    /// <summary>Unique name of the schedule (the Quartz trigger name). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The pipeline to run. Required.</summary>
    public string Pipeline { get; set; } = "";

    /// <summary>Quartz cron expression with seconds, e.g. <c>0 0 3 ? * MON</c> (Mondays 03:00). Required.</summary>
    public string Cron { get; set; } = "";

    /// <summary>Time zone id of the cron expression. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// What to do with firings missed while no worker ran: <c>fire-once</c> (default: run once
    /// as soon as a worker is back, then follow the schedule) or <c>skip</c> (wait for the next
    /// regular time).
    /// </summary>
    public string Misfire { get; set; } = "fire-once";

    /// <summary>Pipeline parameters for every firing.</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];
}
