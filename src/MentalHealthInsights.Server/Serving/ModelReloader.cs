namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// Loads the configured model and swaps it in: verified and probed first, then one atomic swap,
/// so a bad bundle never replaces a good one. One reload at a time; requests never wait for it.
/// </summary>
internal sealed partial class ModelReloader(
    ModelSlot slot,
    ModelLoader loader,
    ServerMetrics metrics,
    ILogger<ModelReloader> logger
) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Loads and swaps; never throws for a bad model (the outcome says what happened).</summary>
    public async Task<ReloadOutcome> ReloadAsync(
        string trigger,
        CancellationToken cancellationToken
    )
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var previous = slot.Current;
            ServedModel next;
            try
            {
                // Loading parses JSON and builds native boosters: keep it off the caller's thread.
                next = await Task.Run(() => loader.LoadAsync(cancellationToken), cancellationToken);
            }
            catch (ModelLoadException ex)
            {
                metrics.Reloads.WithLabels("failed").Inc();
                LogReloadFailed(logger, trigger, ex.Message, previous?.VersionText ?? "none");
                return new ReloadOutcome(
                    false,
                    false,
                    previous?.VersionText,
                    previous?.VersionText,
                    ex.Message
                );
            }
            if (previous is not null && previous.Bundle.Sha256 == next.Bundle.Sha256)
            {
                next.Release();
                metrics.Reloads.WithLabels("unchanged").Inc();
                return new ReloadOutcome(
                    true,
                    false,
                    previous.VersionText,
                    previous.VersionText,
                    null
                );
            }
            slot.Swap(next);
            metrics.SetModel(previous, next);
            metrics.Reloads.WithLabels("swapped").Inc();
            LogModelServed(logger, trigger, next.Name, next.VersionText, next.Bundle.Sha256);
            return new ReloadOutcome(true, true, previous?.VersionText, next.VersionText, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Serving model {ModelName} version {ModelVersion} (bundle {BundleSha256}) after {Trigger}"
    )]
    private static partial void LogModelServed(
        ILogger logger,
        string trigger,
        string modelName,
        string modelVersion,
        string bundleSha256
    );

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Model load after {Trigger} failed, still serving {ServedVersion}: {Reason}"
    )]
    private static partial void LogReloadFailed(
        ILogger logger,
        string trigger,
        string reason,
        string servedVersion
    );
}
