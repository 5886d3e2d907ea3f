namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// Loads the model after start-up (the server answers /health/live at once and /health/ready
/// once a verified model serves), retrying a failed first load, and — when
/// <see cref="ServingOptions.WatchInterval"/> is set — reloads whenever the reference starts
/// naming another bundle (registry alias moved, bundle file replaced).
/// </summary>
internal sealed partial class ModelWatchService(
    ModelSlot slot,
    ModelLoader loader,
    ModelReloader reloader,
    ServingOptions options,
    TimeProvider time,
    ILogger<ModelWatchService> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!slot.IsReady)
            {
                var outcome = await reloader.ReloadAsync("start-up", stoppingToken);
                if (!outcome.Succeeded)
                {
                    await Task.Delay(options.LoadRetryInterval, time, stoppingToken);
                }
            }
            if (options.WatchInterval is not { } interval || interval <= TimeSpan.Zero)
            {
                return;
            }
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        string fingerprint;
        try
        {
            fingerprint = await loader.FingerprintAsync(stoppingToken);
        }
        catch (Exception ex) when (ModelLoader.IsLoadFailure(ex))
        {
            LogWatchFailed(logger, ex.Message);
            return;
        }
        if (fingerprint != slot.Current?.Fingerprint)
        {
            await reloader.ReloadAsync("watch", stoppingToken);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Model watch could not check the reference: {Reason}"
    )]
    private static partial void LogWatchFailed(ILogger logger, string reason);
}
