using System.Globalization;

namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// Runs a pipeline: records the run and every step transition in the store, serves cacheable
/// steps from the cache, retries failures with exponential backoff and seeded jitter, bounds
/// each attempt with a timeout, and heartbeats while it works so that a cancel request from
/// another process is noticed and a dead owner can be told from a live one. All waiting goes
/// through the injected <see cref="TimeProvider"/>.
/// </summary>
/// <param name="store">The run store.</param>
/// <param name="time">The clock (backoff waits, timeouts, heartbeats).</param>
/// <param name="options">Policies, heartbeat and lease.</param>
public sealed partial class PipelineRunner(
    IPipelineRunStore store,
    TimeProvider time,
    PipelineRunnerOptions options
)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal);

    /// <summary>The options in use.</summary>
    public PipelineRunnerOptions Options => options;

    /// <summary>
    /// Runs <paramref name="definition"/> to a terminal state and returns the record. Step
    /// failures and cancellation are results (the run's state), not exceptions; unknown or
    /// missing parameters throw <see cref="ArgumentException"/> before anything is recorded. A
    /// token that is already cancelled still records the run, Cancelled before its first step.
    /// </summary>
    public async Task<PipelineRunResult> RunAsync(
        PipelineDefinition definition,
        PipelineRunRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        var (parameters, problems) = definition.ResolveParameters(request.Parameters);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }
        var now = time.GetUtcNow();
        var run = new PipelineRunRecord(
            request.RunId ?? Guid.NewGuid().ToString("N"),
            definition.Name,
            parameters,
            request.Trigger,
            PipelineRunState.Running,
            options.OwnerId,
            now,
            now,
            null,
            now,
            null,
            false
        );
        var steps = definition
            .Steps.Select(
                (s, i) =>
                    new StepRunRecord(
                        run.Id,
                        i,
                        s.Name,
                        StepRunState.Pending,
                        0,
                        null,
                        null,
                        null,
                        null,
                        NoValues,
                        [],
                        null
                    )
            )
            .ToList();
        // Recorded even when the token is already cancelled (a queued run taken by a worker
        // that is stopping): it then ends Cancelled before its first step instead of vanishing.
        await store.CreateRunAsync(run, steps, CancellationToken.None);

        using var runCancellation = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken
        );
        var random = new Random(options.JitterSeed ?? SeedFrom(run.Id));
        var values = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        var state = PipelineRunState.Completed;
        string? error = null;
        await using (new RunWatch(store, time, run.Id, runCancellation, options))
        {
            for (var i = 0; i < steps.Count; i++)
            {
                if (state != PipelineRunState.Completed)
                {
                    steps[i] = steps[i] with
                    {
                        State = StepRunState.Skipped,
                        Message =
                            $"skipped: the run {state.ToString().ToLowerInvariant()} before this step",
                    };
                    await SaveAsync(steps[i], request);
                    continue;
                }
                var context = new StepExecution(
                    definition,
                    definition.Steps[i],
                    parameters,
                    values,
                    request,
                    runCancellation,
                    random
                );
                steps[i] = await RunStepAsync(context, steps[i]);
                if (steps[i].State == StepRunState.Failed)
                {
                    state = PipelineRunState.Failed;
                    error = $"step {steps[i].Name} failed: {steps[i].Error}";
                }
                else if (steps[i].State == StepRunState.Cancelled)
                {
                    state = PipelineRunState.Cancelled;
                    error = await store.IsCancelRequestedAsync(run.Id, CancellationToken.None)
                        ? $"cancelled on request during step {steps[i].Name}"
                        : $"cancelled during step {steps[i].Name}";
                }
            }
        }

        var end = time.GetUtcNow();
        run = run with { State = state, EndedAt = end, HeartbeatAt = end, Error = error };
        // The final state is written even when the caller's token is cancelled: a run must
        // never be left Running by a process that is still alive.
        await store.UpdateRunAsync(run, CancellationToken.None);
        return new PipelineRunResult(
            await store.GetRunAsync(run.Id, CancellationToken.None) ?? run,
            steps
        );
    }

    /// <summary>
    /// Marks runs whose owner stopped heartbeating more than one lease ago as Crashed; returns
    /// their ids. Called when a CLI command or worker starts.
    /// </summary>
    public Task<IReadOnlyList<string>> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var staleBefore = now - options.Lease;
        return store.MarkAbandonedAsync(
            staleBefore,
            now,
            string.Create(
                CultureInfo.InvariantCulture,
                $"crashed: its owner stopped heartbeating before {staleBefore:yyyy-MM-dd HH:mm:ss}Z (process killed or machine lost); marked by {options.OwnerId}"
            ),
            cancellationToken
        );
    }

    private async Task SaveAsync(StepRunRecord step, PipelineRunRequest request)
    {
        await store.SaveStepAsync(step, CancellationToken.None);
        request.StepChanged?.Invoke(step);
    }

    /// <summary>A stable seed from the run id's first 8 hex digits (string hashing is randomised per process).</summary>
    private static int SeedFrom(string runId) =>
        runId.Length >= 8
        && int.TryParse(
            runId.AsSpan(0, 8),
            NumberStyles.HexNumber,
            CultureInfo.InvariantCulture,
            out var seed
        )
            ? seed
            : runId.Length;

    /// <summary>What one step's execution needs from the run.</summary>
    private sealed record StepExecution(
        PipelineDefinition Definition,
        PipelineStep Step,
        IReadOnlyDictionary<string, string> Parameters,
        Dictionary<string, string> Values,
        PipelineRunRequest Request,
        CancellationTokenSource RunCancellation,
        Random Random
    );
}
