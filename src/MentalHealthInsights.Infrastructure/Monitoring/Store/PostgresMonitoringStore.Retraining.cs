using MentalHealthInsights.Core.Monitoring.Alerts;
using NpgsqlTypes;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

public sealed partial class PostgresMonitoringStore
{
    /// <inheritdoc />
    public Task RecordRetrainingAsync(RetrainingRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var outcome = record.Outcome;
        return RunAsync(
            (connection, transaction) =>
                ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO mhi_monitoring_retrainings (run_id, alert_ids, requested_at, finished_at, started, training_run_id,
                        registered_model, version, promoted, promotion_reason, error)
                    VALUES (@run, @alerts, @requested, @finished, @started, @training, @model, @version, @promoted, @reason, @error)
                    """,
                    cancellationToken,
                    Text("run", record.MonitoringRunId),
                    new Npgsql.NpgsqlParameter("alerts", NpgsqlDbType.Array | NpgsqlDbType.Text)
                    {
                        Value = record.AlertIds.ToArray(),
                    },
                    Bigint("requested", Ms(record.RequestedAt)),
                    Bigint("finished", Ms(record.FinishedAt)),
                    Boolean("started", outcome.Started),
                    Text("training", outcome.TrainingRunId),
                    Text("model", outcome.RegisteredModel),
                    Integer("version", outcome.Version),
                    Boolean("promoted", outcome.Promoted),
                    Text("reason", outcome.PromotionReason),
                    Text("error", outcome.Error)
                ),
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RetrainingRecord>> ListRetrainingsAsync(
        int limit,
        CancellationToken cancellationToken
    ) =>
        RunAsync<IReadOnlyList<RetrainingRecord>>(
            async (connection, transaction) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    """
                    SELECT run_id, alert_ids, requested_at, finished_at, started, training_run_id, registered_model,
                        version, promoted, promotion_reason, error
                    FROM mhi_monitoring_retrainings ORDER BY requested_at DESC, retraining_id DESC LIMIT @limit
                    """,
                    Integer("limit", Math.Clamp(limit, 1, 10_000))
                );
                var records = new List<RetrainingRecord>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    records.Add(
                        new RetrainingRecord(
                            reader.GetString(0),
                            reader.GetFieldValue<string[]>(1),
                            FromMs(reader.GetInt64(2)),
                            FromMs(reader.GetInt64(3)),
                            new RetrainingOutcome(
                                reader.GetBoolean(4),
                                reader.IsDBNull(5) ? null : reader.GetString(5),
                                reader.IsDBNull(6) ? null : reader.GetString(6),
                                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                                reader.GetBoolean(8),
                                reader.IsDBNull(9) ? null : reader.GetString(9),
                                reader.IsDBNull(10) ? null : reader.GetString(10)
                            )
                        )
                    );
                }
                return records;
            },
            cancellationToken
        );
}
