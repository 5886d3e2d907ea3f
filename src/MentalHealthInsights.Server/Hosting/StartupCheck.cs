namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// The first hosted service: refuses to start when the configuration cannot work (e.g. the
/// prediction log is on without a pseudonymisation key, or the scheduler is on with a bad
/// pipelines settings file), before anything listens. <see cref="ServerHost"/> runs the same
/// <see cref="FindProblems"/> before the host starts, so a real start is refused with one log
/// line; this service guards hosts that never go through it (e.g. the test host).
/// </summary>
internal sealed class StartupCheck(IServiceProvider services) : IHostedService
{
    /// <summary>Every reason the configuration cannot work; empty when it can.</summary>
    public static IReadOnlyList<string> FindProblems(IServiceProvider services)
    {
        var problems = new List<string>(services.GetRequiredService<ServerSettings>().Problems);
        try
        {
            if (services.GetRequiredService<SchedulingOptions>().Enabled)
            {
                _ = services.GetRequiredService<SchedulingSettings>().Value;
            }
        }
        catch (StartupRefusedException ex)
        {
            problems.Add(ex.Message);
        }
        return problems;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        FindProblems(services) is { Count: > 0 } problems
            ? throw new StartupRefusedException(string.Join(" ", problems))
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
