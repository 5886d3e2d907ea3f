namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// The first hosted service: refuses to start when the configuration cannot work (e.g. the
/// prediction log is on without a pseudonymisation key), before anything listens.
/// </summary>
internal sealed class StartupCheck(IReadOnlyList<string> problems) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        problems.Count == 0
            ? Task.CompletedTask
            : throw new StartupRefusedException(string.Join(" ", problems));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
