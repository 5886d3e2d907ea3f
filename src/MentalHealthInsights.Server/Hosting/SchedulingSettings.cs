using MentalHealthInsights.Infrastructure.Pipelines.Configuration;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// The pipelines settings file of the server-hosted scheduler, read and checked against the
/// catalogue once per process: <see cref="StartupCheck"/> asks for it before the host starts
/// and <see cref="PipelineSchedulerService"/> uses the same instance.
/// </summary>
internal sealed class SchedulingSettings(SchedulingOptions options, SchedulerCatalog catalog)
{
    // ExecutionAndPublication: a refusal is cached too, so every caller sees the same one.
    private readonly Lazy<PipelineSettings> _settings = new(() => Load(options, catalog));

    /// <summary>
    /// The checked settings; a file that cannot be read or is invalid →
    /// <see cref="StartupRefusedException"/>.
    /// </summary>
    public PipelineSettings Value => _settings.Value;

    private static PipelineSettings Load(SchedulingOptions options, SchedulerCatalog catalog)
    {
        PipelineSettings settings;
        try
        {
            settings = PipelineSettingsLoader.Load(options.Config);
        }
        catch (InvalidDataException ex)
        {
            throw new StartupRefusedException("Scheduling: " + ex.Message);
        }
        var problems = settings.FindProblems([.. catalog.Names]);
        return problems.Count == 0
            ? settings
            : throw new StartupRefusedException("Scheduling: " + string.Join(" ", problems));
    }
}
