namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// Turns a finished monitoring run into alerts: store the snapshot first (so nothing after it
/// can lose the monitoring result), evaluate the policy, de-duplicate against the stored rule
/// states and record the alerts (one transaction), announce the fired ones on every channel
/// (a failing channel is recorded, never thrown), and, when the policy says so, ask for
/// retraining, which goes through the normal promotion gate.
/// </summary>
/// <param name="policy">The validated policy.</param>
/// <param name="store">The monitoring store.</param>
/// <param name="notifiers">The channels (the structured log always; a webhook when configured).</param>
/// <param name="retraining">The retraining trigger; null: never retrain.</param>
/// <param name="time">The clock (record timestamps).</param>
public sealed class AlertService(
    AlertPolicy policy,
    IMonitoringStore store,
    IReadOnlyList<IAlertNotifier> notifiers,
    IRetrainingTrigger? retraining,
    TimeProvider time
)
{
    /// <summary>Processes one monitoring run (idempotent per run id).</summary>
    public async Task<AlertRunResult> ProcessAsync(
        MonitoringSnapshot snapshot,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.RunId);
        var outcomes = AlertEvaluator.Evaluate(policy, snapshot.KeyMetrics);
        if (!await store.SaveSnapshotAsync(snapshot, cancellationToken))
        {
            return new AlertRunResult(snapshot, true, outcomes, [], [], null);
        }

        var now = time.GetUtcNow();
        var alerts = await store.RecordEvaluationAsync(
            states => Decide(snapshot, outcomes, states, now),
            cancellationToken
        );
        var fired = alerts.Where(a => a.Status == AlertStatus.Fired).ToList();
        var deliveries =
            fired.Count == 0 ? [] : await DeliverAsync(snapshot, fired, cancellationToken);
        var retrainingOutcome = await RetrainAsync(snapshot, fired, cancellationToken);
        return new AlertRunResult(snapshot, false, outcomes, alerts, deliveries, retrainingOutcome);
    }

    private AlertEvaluationBatch Decide(
        MonitoringSnapshot snapshot,
        IReadOnlyList<AlertRuleOutcome> outcomes,
        IReadOnlyDictionary<string, AlertRuleState> states,
        DateTimeOffset now
    )
    {
        var alerts = new List<AlertRecord>();
        var next = new List<AlertRuleState>();
        foreach (var outcome in outcomes)
        {
            var previous = states.GetValueOrDefault(outcome.Rule.Name);
            var decision = AlertDeduplicator.Decide(
                outcome,
                previous,
                snapshot.WindowEnd,
                policy.CoolDown
            );
            if (outcome.Evaluated && !ReferenceEquals(decision.NextState, previous))
            {
                next.Add(decision.NextState);
            }
            if (decision.Status is { } status)
            {
                var rule = outcome.Rule;
                alerts.Add(
                    new AlertRecord(
                        $"{snapshot.RunId}/{rule.Name}",
                        snapshot.RunId,
                        rule.Name,
                        rule.Condition,
                        rule.Metric,
                        outcome.Value!.Value,
                        rule.Threshold,
                        rule.Severity,
                        status,
                        decision.Reason,
                        snapshot.WindowStart,
                        snapshot.WindowEnd,
                        decision.NextState.BreachedSince ?? snapshot.WindowEnd,
                        now
                    )
                );
            }
        }
        return new AlertEvaluationBatch(alerts, next);
    }

    private async Task<IReadOnlyList<AlertDeliveryResult>> DeliverAsync(
        MonitoringSnapshot snapshot,
        List<AlertRecord> fired,
        CancellationToken cancellationToken
    )
    {
        var notification = new AlertNotification(snapshot, fired);
        var results = new List<AlertDeliveryResult>(notifiers.Count);
        var rows = new List<AlertDelivery>();
        foreach (var notifier in notifiers)
        {
            AlertDeliveryResult result;
            try
            {
                result = await notifier.NotifyAsync(notification, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A broken channel is a recorded failure; it must not lose the run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = new AlertDeliveryResult(
                    notifier.Channel,
                    false,
                    1,
                    $"{ex.GetType().Name}: {ex.Message}"
                );
            }
            results.Add(result);
            var at = time.GetUtcNow();
            rows.AddRange(fired.Select(a => new AlertDelivery(a.AlertId, result, at)));
        }
        await store.RecordDeliveriesAsync(rows, cancellationToken);
        return results;
    }

    private async Task<RetrainingOutcome?> RetrainAsync(
        MonitoringSnapshot snapshot,
        List<AlertRecord> fired,
        CancellationToken cancellationToken
    )
    {
        if (!policy.RetrainOnAlert || retraining is null)
        {
            return null;
        }
        var qualifying = fired.Where(a => a.Severity >= policy.RetrainMinimumSeverity).ToList();
        if (qualifying.Count == 0)
        {
            return null;
        }

        var request = new RetrainingRequest(snapshot.RunId, qualifying, time.GetUtcNow());
        RetrainingOutcome outcome;
        try
        {
            outcome = await retraining.TriggerAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed retrain is recorded; the monitoring result stays.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = RetrainingOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
        await store.RecordRetrainingAsync(
            new RetrainingRecord(
                snapshot.RunId,
                [.. qualifying.Select(a => a.AlertId)],
                request.RequestedAt,
                time.GetUtcNow(),
                outcome
            ),
            cancellationToken
        );
        return outcome;
    }
}
