using Microsoft.Win32.SafeHandles;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>
/// With <c>Hosting:StopWhenStdinCloses=true</c> (set by <c>mhi serve</c>), stops the server
/// gracefully when standard input reaches its end: the parent closes the pipe to stop its child,
/// and a parent that dies closes it too, so the server never outlives <c>mhi</c>.
/// </summary>
internal sealed class StdinShutdownService(
    IHostApplicationLifetime lifetime,
    ServerSettings settings
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.StopWhenStdinCloses)
        {
            return;
        }
        // File descriptor 0 without System.Console (reserved for the CLI host).
        await using var stdin = new FileStream(
            new SafeFileHandle(0, ownsHandle: false),
            FileAccess.Read,
            bufferSize: 1
        );
        var buffer = new byte[256];
        try
        {
            while (await stdin.ReadAsync(buffer, stoppingToken) > 0) { }
        }
        catch (IOException)
        {
            // A broken pipe means the same as its end.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        lifetime.StopApplication();
    }
}
