namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// The first hosted service: refuses to start when the configuration cannot work (e.g. the
/// prediction log is on without a pseudonymisation key), before anything listens.
/// </summary>
internal sealed class StartupCheck(ServerSettings settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        settings.Problems.Count == 0
            ? Task.CompletedTask
            : throw new StartupRefusedException(string.Join(" ", settings.Problems));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
