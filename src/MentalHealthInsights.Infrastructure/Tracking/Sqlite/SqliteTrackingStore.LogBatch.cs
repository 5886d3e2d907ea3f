using MentalHealthInsights.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// The write primitive and the metric history.
public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public Task LogBatchAsync(
        string runId,
        IReadOnlyList<Metric>? metrics = null,
        IReadOnlyList<Param>? parameters = null,
        IReadOnlyList<RunTag>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        TrackingValidation.ValidateBatch(metrics, parameters, tags);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await RequireActiveRunAsync(connection, transaction, runId, cancellationToken);
                if (parameters is { Count: > 0 })
                {
                    await InsertParamsAsync(
                        connection,
                        transaction,
                        runId,
                        parameters,
                        cancellationToken
                    );
                }
                if (metrics is { Count: > 0 })
                {
                    await InsertMetricsAsync(
                        connection,
                        transaction,
                        runId,
                        metrics,
                        cancellationToken
                    );
                }
                if (tags is { Count: > 0 })
                {
                    var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var tag in tags)
                    {
                        byKey[tag.Key] = tag.Value;
                    }
                    await UpsertTagsAsync(connection, transaction, runId, byKey, cancellationToken);
                }
                return true;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(
        string runId,
        string metricKey,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync<IReadOnlyList<Metric>>(
            async (connection, transaction) =>
            {
                await RequireRunAsync(connection, transaction, runId, cancellationToken);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    SELECT key, value, is_nan, timestamp, step FROM metrics
                    WHERE run_id = $id AND key = $key
                    ORDER BY step, timestamp, is_nan, value
                    """;
                command.Parameters.AddWithValue("$id", runId);
                command.Parameters.AddWithValue("$key", metricKey);
                var history = new List<Metric>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    history.Add(ReadMetric(reader, 0));
                }
                return history;
            },
            cancellationToken
        );

    private static async Task InsertParamsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string runId,
        IReadOnlyList<Param> parameters,
        CancellationToken cancellationToken
    )
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT value FROM params WHERE run_id = $id AND key = $key";
        select.Parameters.AddWithValue("$id", runId);
        var selectKey = select.Parameters.Add("$key", SqliteType.Text);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO params (run_id, key, value) VALUES ($id, $key, $value)";
        insert.Parameters.AddWithValue("$id", runId);
        var insertKey = insert.Parameters.Add("$key", SqliteType.Text);
        var insertValue = insert.Parameters.Add("$value", SqliteType.Text);
        foreach (var param in parameters)
        {
            selectKey.Value = param.Key;
            if (await select.ExecuteScalarAsync(cancellationToken) is string existing)
            {
                if (existing != param.Value)
                {
                    throw new TrackingException(
                        TrackingErrorCode.InvalidParameterValue,
                        $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{existing}' for run ID='{runId}'. Attempted logging new value '{param.Value}'."
                    );
                }
                continue;
            }
            insertKey.Value = param.Key;
            insertValue.Value = param.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // History rows are inserted once (an identical point is ignored); latest_metrics keeps the
    // point with the highest (step, timestamp, value), MLflow's definition of "latest".
    private static async Task InsertMetricsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string runId,
        IReadOnlyList<Metric> metrics,
        CancellationToken cancellationToken
    )
    {
        await using var history = connection.CreateCommand();
        history.Transaction = transaction;
        history.CommandText = """
            INSERT OR IGNORE INTO metrics (run_id, key, value, is_nan, timestamp, step)
            VALUES ($id, $key, $value, $nan, $timestamp, $step);
            INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step)
            VALUES ($id, $key, $value, $nan, $timestamp, $step)
            ON CONFLICT (run_id, key) DO UPDATE SET
                value = excluded.value, is_nan = excluded.is_nan,
                timestamp = excluded.timestamp, step = excluded.step
            WHERE (excluded.step, excluded.timestamp, excluded.value)
                > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value);
            """;
        history.Parameters.AddWithValue("$id", runId);
        var key = history.Parameters.Add("$key", SqliteType.Text);
        var value = history.Parameters.Add("$value", SqliteType.Real);
        var nan = history.Parameters.Add("$nan", SqliteType.Integer);
        var timestamp = history.Parameters.Add("$timestamp", SqliteType.Integer);
        var step = history.Parameters.Add("$step", SqliteType.Integer);
        foreach (var metric in metrics)
        {
            var isNan = double.IsNaN(metric.Value);
            key.Value = metric.Key;
            value.Value = isNan ? 0.0 : metric.Value;
            nan.Value = isNan ? 1 : 0;
            timestamp.Value = metric.TimestampMs;
            step.Value = metric.Step;
            await history.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
