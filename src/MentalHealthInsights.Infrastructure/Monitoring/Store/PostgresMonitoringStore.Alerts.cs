using MentalHealthInsights.Core.Monitoring.Alerts;
using Npgsql;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

public sealed partial class PostgresMonitoringStore
{
    private const string AlertColumns =
        "alert_id, run_id, rule_name, condition, metric, value, threshold, severity, status, reason, window_start, window_end, breached_since, created_at";

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertRecord>> RecordEvaluationAsync(
        Func<IReadOnlyDictionary<string, AlertRuleState>, AlertEvaluationBatch> decide,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(decide);
        return RunAsync<IReadOnlyList<AlertRecord>>(
            async (connection, transaction) =>
            {
                // READ COMMITTED alone would let two monitors read the same states and both
                // fire: the lock (released at commit) makes the read-decide-write one at a time.
                await ExecuteAsync(
                    connection,
                    transaction,
                    "SELECT pg_advisory_xact_lock(@key)",
                    cancellationToken,
                    Bigint("key", PostgresMonitoringSchema.EvaluationLock)
                );
                var states = await ReadStatesAsync(connection, transaction, cancellationToken);
                var batch = decide(states);
                foreach (var alert in batch.Alerts)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO mhi_monitoring_alerts ({AlertColumns})
                        VALUES (@id, @run, @rule, @condition, @metric, @value, @threshold, @severity, @status, @reason, @start, @end, @since, @created)
                        """,
                        cancellationToken,
                        Text("id", alert.AlertId),
                        Text("run", alert.MonitoringRunId),
                        Text("rule", alert.RuleName),
                        Text("condition", alert.Condition),
                        Text("metric", alert.Metric),
                        Double("value", alert.Value),
                        Double("threshold", alert.Threshold),
                        Text("severity", AlertPolicy.SeverityName(alert.Severity)),
                        Text("status", AlertPolicy.StatusName(alert.Status)),
                        Text("reason", alert.Reason),
                        Bigint("start", Ms(alert.WindowStart)),
                        Bigint("end", Ms(alert.WindowEnd)),
                        Bigint("since", Ms(alert.BreachedSince)),
                        Bigint("created", Ms(alert.CreatedAt))
                    );
                }
                foreach (var state in batch.States)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        """
                        INSERT INTO mhi_monitoring_alert_rule_states (rule_name, is_breached, breached_since, last_alerted_at, last_window_end)
                        VALUES (@rule, @breached, @since, @alerted, @end)
                        ON CONFLICT (rule_name) DO UPDATE SET is_breached = excluded.is_breached,
                            breached_since = excluded.breached_since, last_alerted_at = excluded.last_alerted_at,
                            last_window_end = excluded.last_window_end
                        """,
                        cancellationToken,
                        Text("rule", state.RuleName),
                        Boolean("breached", state.IsBreached),
                        Bigint("since", Ms(state.BreachedSince)),
                        Bigint("alerted", Ms(state.LastAlertedAt)),
                        Bigint("end", Ms(state.LastWindowEnd))
                    );
                }
                return batch.Alerts;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, AlertRuleState>> GetRuleStatesAsync(
        CancellationToken cancellationToken
    ) =>
        RunAsync(
            (connection, transaction) =>
                ReadStatesAsync(connection, transaction, cancellationToken),
            cancellationToken
        );

    /// <inheritdoc />
    public Task RecordDeliveriesAsync(
        IReadOnlyList<AlertDelivery> deliveries,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return RunAsync(
            async (connection, transaction) =>
            {
                foreach (var delivery in deliveries)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        """
                        INSERT INTO mhi_monitoring_alert_deliveries (alert_id, channel, delivered, attempts, error, at)
                        VALUES (@alert, @channel, @delivered, @attempts, @error, @at)
                        """,
                        cancellationToken,
                        Text("alert", delivery.AlertId),
                        Text("channel", delivery.Result.Channel),
                        Boolean("delivered", delivery.Result.Delivered),
                        Integer("attempts", delivery.Result.Attempts),
                        Text("error", delivery.Result.Error),
                        Bigint("at", Ms(delivery.At))
                    );
                }
                return true;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertRecord>> ListAlertsAsync(
        AlertQuery query,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync<IReadOnlyList<AlertRecord>>(
            async (connection, transaction) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    $"""
                    SELECT {AlertColumns} FROM mhi_monitoring_alerts
                    WHERE (@from::bigint IS NULL OR window_end >= @from) AND (@to::bigint IS NULL OR window_end < @to)
                      AND (@status::text IS NULL OR status = @status) AND (@rule::text IS NULL OR rule_name = @rule)
                    ORDER BY window_end DESC, created_at DESC, alert_id LIMIT @limit
                    """,
                    Bigint("from", Ms(query.From)),
                    Bigint("to", Ms(query.To)),
                    Text(
                        "status",
                        query.Status is { } status ? AlertPolicy.StatusName(status) : null
                    ),
                    Text("rule", query.RuleName),
                    Integer("limit", Math.Clamp(query.Limit, 1, AlertQuery.MaxLimit))
                );
                var alerts = new List<AlertRecord>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    alerts.Add(MonitoringStoreRows.ReadAlert(reader));
                }
                return alerts;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(
        string alertId,
        CancellationToken cancellationToken
    ) =>
        RunAsync<IReadOnlyList<AlertDelivery>>(
            async (connection, transaction) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    """
                    SELECT alert_id, channel, delivered, attempts, error, at FROM mhi_monitoring_alert_deliveries
                    WHERE alert_id = @alert ORDER BY delivery_id
                    """,
                    Text("alert", alertId)
                );
                var deliveries = new List<AlertDelivery>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    deliveries.Add(MonitoringStoreRows.ReadDelivery(reader));
                }
                return deliveries;
            },
            cancellationToken
        );

    private static async Task<IReadOnlyDictionary<string, AlertRuleState>> ReadStatesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken
    )
    {
        var states = new Dictionary<string, AlertRuleState>(StringComparer.Ordinal);
        await using var command = Command(
            connection,
            transaction,
            "SELECT rule_name, is_breached, breached_since, last_alerted_at, last_window_end FROM mhi_monitoring_alert_rule_states"
        );
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = MonitoringStoreRows.ReadRuleState(reader);
            states[state.RuleName] = state;
        }
        return states;
    }
}
