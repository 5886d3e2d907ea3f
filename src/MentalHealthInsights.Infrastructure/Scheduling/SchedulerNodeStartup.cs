namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>
/// What <see cref="PipelineScheduler.StartNodeAsync"/> did before the node takes firings, for its
/// host to report (the worker prints it, the server logs it).
/// </summary>
/// <param name="Applied">What applying the settings' schedules changed; null when this node did not apply them.</param>
/// <param name="Schedules">Every schedule in the job store with its next fire time.</param>
public sealed record SchedulerNodeStartup(
    ScheduleSyncResult? Applied,
    IReadOnlyList<(string Name, string Pipeline, DateTimeOffset? Next)> Schedules
);
