using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

public sealed partial class SqliteMonitoringStore
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
                    INSERT INTO retrainings (run_id, alert_ids, requested_at, finished_at, started, training_run_id,
                        registered_model, version, promoted, promotion_reason, error)
                    VALUES ($run, $alerts, $requested, $finished, $started, $training, $model, $version, $promoted, $reason, $error)
                    """,
                    cancellationToken,
                    ("$run", record.MonitoringRunId),
                    ("$alerts", string.Join('\n', record.AlertIds)),
                    ("$requested", Ms(record.RequestedAt)),
                    ("$finished", Ms(record.FinishedAt)),
                    ("$started", outcome.Started ? 1 : 0),
                    ("$training", outcome.TrainingRunId),
                    ("$model", outcome.RegisteredModel),
                    ("$version", outcome.Version),
                    ("$promoted", outcome.Promoted ? 1 : 0),
                    ("$reason", outcome.PromotionReason),
                    ("$error", outcome.Error)
                ),
            write: true,
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
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    SELECT run_id, alert_ids, requested_at, finished_at, started, training_run_id, registered_model,
                        version, promoted, promotion_reason, error
                    FROM retrainings ORDER BY requested_at DESC, retraining_id DESC LIMIT $limit
                    """;
                Bind(command, ("$limit", Math.Clamp(limit, 1, 10_000)));
                var records = new List<RetrainingRecord>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var alertIds = reader.GetString(1);
                    records.Add(
                        new RetrainingRecord(
                            reader.GetString(0),
                            alertIds.Length == 0 ? [] : alertIds.Split('\n'),
                            FromMs(reader.GetInt64(2)),
                            FromMs(reader.GetInt64(3)),
                            new RetrainingOutcome(
                                reader.GetInt64(4) != 0,
                                reader.IsDBNull(5) ? null : reader.GetString(5),
                                reader.IsDBNull(6) ? null : reader.GetString(6),
                                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                                reader.GetInt64(8) != 0,
                                reader.IsDBNull(9) ? null : reader.GetString(9),
                                reader.IsDBNull(10) ? null : reader.GetString(10)
                            )
                        )
                    );
                }
                return records;
            },
            write: false,
            cancellationToken
        );
}
