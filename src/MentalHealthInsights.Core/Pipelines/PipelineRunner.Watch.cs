namespace MentalHealthInsights.Core.Pipelines;

public sealed partial class PipelineRunner
{
    /// <summary>
    /// While a run executes: heartbeats on the injected clock and cancels the run when the store
    /// says another process asked for it. Store errors are swallowed (the next tick retries):
    /// a flaky store must not fail a run that is otherwise fine.
    /// </summary>
    private sealed class RunWatch : IAsyncDisposable
    {
        private readonly IPipelineRunStore _store;
        private readonly TimeProvider _time;
        private readonly string _runId;
        private readonly CancellationTokenSource _run;
        private readonly ITimer _timer;
        private int _busy;
        private Task _tick = Task.CompletedTask;

        public RunWatch(
            IPipelineRunStore store,
            TimeProvider time,
            string runId,
            CancellationTokenSource run,
            PipelineRunnerOptions options
        )
        {
            _store = store;
            _time = time;
            _runId = runId;
            _run = run;
            _timer = time.CreateTimer(
                _ => OnTick(),
                null,
                options.HeartbeatInterval,
                options.HeartbeatInterval
            );
        }

        public async ValueTask DisposeAsync()
        {
            await _timer.DisposeAsync();
            await _tick;
        }

        private void OnTick()
        {
            // One tick at a time: a slow store must not pile up overlapping heartbeats.
            if (Interlocked.Exchange(ref _busy, 1) == 1)
            {
                return;
            }
            _tick = TickAsync();
        }

        private async Task TickAsync()
        {
            try
            {
                await _store.HeartbeatAsync(_runId, _time.GetUtcNow(), CancellationToken.None);
                if (await _store.IsCancelRequestedAsync(_runId, CancellationToken.None))
                {
                    await _run.CancelAsync();
                }
            }
#pragma warning disable CA1031 // See the class comment: the next tick retries.
            catch (Exception)
#pragma warning restore CA1031
            { }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }
    }
}
