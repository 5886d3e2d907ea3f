namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// The pipeline scheduler hosted inside the server (configuration section <c>Scheduling</c>;
/// environment <c>MHI_Scheduling__Enabled</c>; <c>mhi serve --scheduler</c>). Off by default:
/// a server then never runs pipelines. On, it runs the same Quartz scheduler as
/// <c>mhi worker</c>, from the same pipelines settings file (schedules, job store, run store,
/// retries).
/// </summary>
internal sealed record SchedulingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Scheduling";

    /// <summary>Run scheduled and queued pipelines in this process. Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// The pipelines settings file (as <c>mhi worker --config</c>); null: MHI_PIPELINES_CONFIG,
    /// else ./mhi-pipelines.json if present, else the defaults.
    /// </summary>
    public string? Config { get; init; }

    /// <summary>
    /// Write the settings' schedules to the job store at start (as <c>mhi worker
    /// --apply-schedules</c>). Default: yes on SQLite, no when clustered (declare them once).
    /// </summary>
    public bool? ApplySchedules { get; init; }

    /// <summary>This node's id in a cluster. Default: host/pid/random.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Binds the section; a value of the wrong type refuses the start (exit code 2).</summary>
    public static SchedulingOptions From(IConfiguration configuration)
    {
        var problems = new List<string>();
        return SettingsBinding.Section<SchedulingOptions>(configuration, Section, problems)
            ?? throw new StartupRefusedException(problems[0]);
    }
}
