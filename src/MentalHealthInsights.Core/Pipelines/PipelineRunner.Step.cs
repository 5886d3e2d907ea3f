using System.Globalization;

namespace MentalHealthInsights.Core.Pipelines;

public sealed partial class PipelineRunner
{
    private async Task<StepRunRecord> RunStepAsync(StepExecution execution, StepRunRecord record)
    {
        var step = execution.Step;
        var runToken = execution.RunCancellation.Token;
        var started = time.GetUtcNow();
        var inputs = step.Inputs.ToDictionary(
            n => n,
            n => execution.Values[n],
            StringComparer.Ordinal
        );
        var context = new PipelineStepContext(
            record.RunId,
            execution.Definition.Name,
            execution.Parameters,
            inputs,
            0
        );
        record = record with { StartedAt = started };

        string? cacheKey = null;
        try
        {
            var fingerprint = await step.FingerprintAsync(context, runToken);
            if (fingerprint is not null)
            {
                cacheKey = PipelineCacheKey.Compute(
                    execution.Definition.Name,
                    step.Name,
                    step.Version,
                    fingerprint,
                    inputs
                );
                record = record with { CacheKey = cacheKey };
                if (
                    !execution.Request.NoCache
                    && await store.GetCachedAsync(cacheKey, runToken) is { } cached
                    && step.Outputs.All(cached.Outputs.ContainsKey)
                    && await step.CanReuseAsync(cached.Outputs, runToken)
                )
                {
                    record = record with
                    {
                        State = StepRunState.Cached,
                        EndedAt = time.GetUtcNow(),
                        Outputs = cached.Outputs,
                        Links = cached.Links,
                        Message = $"cached: inputs and settings unchanged since run {cached.RunId}",
                    };
                    Merge(execution.Values, cached.Outputs);
                    await SaveAsync(record, execution.Request);
                    return record;
                }
            }
        }
        catch (Exception) when (runToken.IsCancellationRequested)
        {
            return await FinishAsync(record, StepRunState.Cancelled, "cancelled", execution);
        }
#pragma warning disable CA1031 // Any failure to fingerprint is the step's failure, recorded, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await FinishAsync(
                record,
                StepRunState.Failed,
                "could not fingerprint the inputs: " + Describe(ex),
                execution
            );
        }

        var policy = options.PolicyFor(execution.Definition.Name, step.Name);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.IsCancelRequestedAsync(record.RunId, CancellationToken.None))
            {
                await execution.RunCancellation.CancelAsync();
            }
            if (runToken.IsCancellationRequested)
            {
                return await FinishAsync(record, StepRunState.Cancelled, "cancelled", execution);
            }
            record = record with { State = StepRunState.Running, Attempts = attempt };
            await SaveAsync(record, execution.Request);

            string error;
            bool retryable;
            {
                // The timeout's timer comes from the injected clock: tests need no real waiting.
                using var attemptTimeout =
                    policy.Timeout == Timeout.InfiniteTimeSpan
                        ? new CancellationTokenSource()
                        : new CancellationTokenSource(policy.Timeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(
                    runToken,
                    attemptTimeout.Token
                );
                try
                {
                    var outcome = await step.ExecuteAsync(
                        context with
                        {
                            Attempt = attempt,
                        },
                        linked.Token
                    );
                    var missing = step.Outputs.Where(o => !outcome.Outputs.ContainsKey(o)).ToList();
                    if (missing.Count > 0)
                    {
                        return await FinishAsync(
                            record,
                            StepRunState.Failed,
                            $"the step did not produce its declared outputs: {string.Join(", ", missing)}",
                            execution
                        );
                    }
                    record = record with
                    {
                        State = StepRunState.Completed,
                        EndedAt = time.GetUtcNow(),
                        Error = null,
                        Outputs = outcome.Outputs,
                        Links = outcome.Links,
                        Message = outcome.Message,
                    };
                    await SaveAsync(record, execution.Request);
                    if (cacheKey is not null)
                    {
                        await store.PutCachedAsync(
                            new CachedStepResult(
                                cacheKey,
                                step.Name,
                                record.RunId,
                                record.EndedAt.Value,
                                outcome.Outputs,
                                outcome.Links
                            ),
                            CancellationToken.None
                        );
                    }
                    Merge(execution.Values, outcome.Outputs);
                    return record;
                }
                catch (Exception) when (runToken.IsCancellationRequested)
                {
                    return await FinishAsync(
                        record,
                        StepRunState.Cancelled,
                        "cancelled",
                        execution
                    );
                }
                catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested)
                {
                    error = string.Create(
                        CultureInfo.InvariantCulture,
                        $"timed out after {policy.Timeout}"
                    );
                    retryable = true;
                }
                catch (PipelineStepException failure)
                {
                    error = failure.Message;
                    retryable = failure.Retryable;
                }
#pragma warning disable CA1031 // A step's unexpected exception is its failure: recorded and retried.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    error = Describe(ex);
                    retryable = true;
                }
            }

            if (!retryable || attempt >= policy.MaxAttempts)
            {
                var suffix = retryable
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $" (after {attempt} attempt{(attempt == 1 ? "" : "s")})"
                    )
                    : string.Empty;
                return await FinishAsync(record, StepRunState.Failed, error + suffix, execution);
            }
            var delay = policy.BackoffDelay(attempt, execution.Random.NextDouble());
            record = record with
            {
                State = StepRunState.Retrying,
                Error = error,
                Message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"attempt {attempt} failed; retrying in {delay.TotalSeconds:0.###} s"
                ),
            };
            await SaveAsync(record, execution.Request);
            try
            {
                await Task.Delay(delay, time, runToken);
            }
            catch (OperationCanceledException)
            {
                return await FinishAsync(record, StepRunState.Cancelled, "cancelled", execution);
            }
        }
    }

    private async Task<StepRunRecord> FinishAsync(
        StepRunRecord record,
        StepRunState state,
        string error,
        StepExecution execution
    )
    {
        record = record with
        {
            State = state,
            EndedAt = time.GetUtcNow(),
            Error = error,
            Message = state == StepRunState.Cancelled ? "cancelled" : record.Message,
        };
        await SaveAsync(record, execution.Request);
        return record;
    }

    private static void Merge(
        Dictionary<string, string> values,
        IReadOnlyDictionary<string, string> outputs
    )
    {
        foreach (var pair in outputs)
        {
            values[pair.Key] = pair.Value;
        }
    }

    /// <summary>
    /// Type and message (without .NET's " (Parameter 'name')"): our own messages never carry
    /// record values.
    /// </summary>
    private static string Describe(Exception ex) =>
        ex is PipelineStepException ? ex.Message : $"{ex.GetType().Name}: {UserMessages.Of(ex)}";
}
