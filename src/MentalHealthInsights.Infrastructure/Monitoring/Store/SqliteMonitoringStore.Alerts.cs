using MentalHealthInsights.Core.Monitoring.Alerts;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

public sealed partial class SqliteMonitoringStore
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
                // Inside the IMMEDIATE transaction: no other writer can change the states
                // between this read and the writes below.
                var states = await ReadStatesAsync(connection, transaction, cancellationToken);
                var batch = decide(states);
                foreach (var alert in batch.Alerts)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO alerts ({AlertColumns})
                        VALUES ($id, $run, $rule, $condition, $metric, $value, $threshold, $severity, $status, $reason, $start, $end, $since, $created)
                        """,
                        cancellationToken,
                        ("$id", alert.AlertId),
                        ("$run", alert.MonitoringRunId),
                        ("$rule", alert.RuleName),
                        ("$condition", alert.Condition),
                        ("$metric", alert.Metric),
                        ("$value", alert.Value),
                        ("$threshold", alert.Threshold),
                        ("$severity", AlertPolicy.SeverityName(alert.Severity)),
                        ("$status", AlertPolicy.StatusName(alert.Status)),
                        ("$reason", alert.Reason),
                        ("$start", Ms(alert.WindowStart)),
                        ("$end", Ms(alert.WindowEnd)),
                        ("$since", Ms(alert.BreachedSince)),
                        ("$created", Ms(alert.CreatedAt))
                    );
                }
                foreach (var state in batch.States)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        """
                        INSERT INTO alert_rule_states (rule_name, is_breached, breached_since, last_alerted_at, last_window_end)
                        VALUES ($rule, $breached, $since, $alerted, $end)
                        ON CONFLICT (rule_name) DO UPDATE SET is_breached = excluded.is_breached,
                            breached_since = excluded.breached_since, last_alerted_at = excluded.last_alerted_at,
                            last_window_end = excluded.last_window_end
                        """,
                        cancellationToken,
                        ("$rule", state.RuleName),
                        ("$breached", state.IsBreached ? 1 : 0),
                        ("$since", Ms(state.BreachedSince)),
                        ("$alerted", Ms(state.LastAlertedAt)),
                        ("$end", Ms(state.LastWindowEnd))
                    );
                }
                return batch.Alerts;
            },
            write: true,
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
            write: false,
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
                        INSERT INTO alert_deliveries (alert_id, channel, delivered, attempts, error, at)
                        VALUES ($alert, $channel, $delivered, $attempts, $error, $at)
                        """,
                        cancellationToken,
                        ("$alert", delivery.AlertId),
                        ("$channel", delivery.Result.Channel),
                        ("$delivered", delivery.Result.Delivered ? 1 : 0),
                        ("$attempts", delivery.Result.Attempts),
                        ("$error", delivery.Result.Error),
                        ("$at", Ms(delivery.At))
                    );
                }
                return true;
            },
            write: true,
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
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    SELECT {AlertColumns} FROM alerts
                    WHERE ($from IS NULL OR window_end >= $from) AND ($to IS NULL OR window_end < $to)
                      AND ($status IS NULL OR status = $status) AND ($rule IS NULL OR rule_name = $rule)
                    ORDER BY window_end DESC, created_at DESC, alert_id LIMIT $limit
                    """;
                Bind(
                    command,
                    ("$from", Ms(query.From)),
                    ("$to", Ms(query.To)),
                    ("$status", query.Status is { } status ? AlertPolicy.StatusName(status) : null),
                    ("$rule", query.RuleName),
                    ("$limit", Math.Clamp(query.Limit, 1, AlertQuery.MaxLimit))
                );
                var alerts = new List<AlertRecord>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    alerts.Add(MonitoringStoreRows.ReadAlert(reader));
                }
                return alerts;
            },
            write: false,
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
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    SELECT alert_id, channel, delivered, attempts, error, at FROM alert_deliveries
                    WHERE alert_id = $alert ORDER BY delivery_id
                    """;
                Bind(command, ("$alert", alertId));
                var deliveries = new List<AlertDelivery>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    deliveries.Add(MonitoringStoreRows.ReadDelivery(reader));
                }
                return deliveries;
            },
            write: false,
            cancellationToken
        );

    private static async Task<IReadOnlyDictionary<string, AlertRuleState>> ReadStatesAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        CancellationToken cancellationToken
    )
    {
        var states = new Dictionary<string, AlertRuleState>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT rule_name, is_breached, breached_since, last_alerted_at, last_window_end FROM alert_rule_states";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = MonitoringStoreRows.ReadRuleState(reader);
            states[state.RuleName] = state;
        }
        return states;
    }
}
