using System.Globalization;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>
/// The monitoring store on a PostgreSQL server (tables <c>mhi_monitoring_*</c>, created on first
/// use), for several monitors, servers and workers sharing one history. Same semantics as
/// <see cref="SqliteMonitoringStore"/>: every call is one transaction; the read-decide-write of
/// de-duplication holds a transaction-scoped advisory lock, so two monitors finishing at once
/// cannot both fire the same breach. Connections come from Npgsql's pool (nothing to dispose).
/// A database failure surfaces as an <see cref="IOException"/> naming the server and database
/// (never the password).
/// </summary>
public sealed partial class PostgresMonitoringStore : IMonitoringStore
{
    private readonly PostgresDatabase _database;

    /// <summary>A store on the database <paramref name="connectionString"/> names (an Npgsql connection string).</summary>
    public PostgresMonitoringStore(string connectionString)
    {
        _database = new PostgresDatabase(connectionString, CreateSchemaAsync);
    }

    /// <summary>Where the store is, for messages: <c>postgresql://host:port/database</c> (no credentials).</summary>
    public string Location => _database.Location;

    /// <inheritdoc />
    public Task<bool> SaveSnapshotAsync(
        MonitoringSnapshot snapshot,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.RunId);
        var metrics = snapshot.KeyMetrics.Where(m => double.IsFinite(m.Value)).ToList();
        return RunAsync(
            async (connection, transaction) =>
            {
                var inserted = await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO mhi_monitoring_snapshots (run_id, window_start, window_end, created_at, report_path, model)
                    VALUES (@run, @start, @end, @created, @report, @model)
                    ON CONFLICT (run_id) DO NOTHING
                    """,
                    cancellationToken,
                    Text("run", snapshot.RunId),
                    Bigint("start", Ms(snapshot.WindowStart)),
                    Bigint("end", Ms(snapshot.WindowEnd)),
                    Bigint("created", Ms(snapshot.CreatedAt)),
                    Text("report", snapshot.ReportPath),
                    Text("model", snapshot.Model)
                );
                if (inserted == 0)
                {
                    return false;
                }
                // One statement per table, whatever the number of metrics.
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO mhi_monitoring_snapshot_metrics (run_id, key, value)
                    SELECT @run, k, v FROM unnest(@keys, @values) AS m(k, v)
                    """,
                    cancellationToken,
                    Text("run", snapshot.RunId),
                    new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text)
                    {
                        Value = metrics.Select(m => m.Key).ToArray(),
                    },
                    new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Double)
                    {
                        Value = metrics.Select(m => m.Value).ToArray(),
                    }
                );
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO mhi_monitoring_snapshot_verdicts (run_id, subject, verdict)
                    SELECT @run, s, v FROM unnest(@subjects, @verdicts) AS m(s, v)
                    """,
                    cancellationToken,
                    Text("run", snapshot.RunId),
                    new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Text)
                    {
                        Value = snapshot.Verdicts.Keys.ToArray(),
                    },
                    new NpgsqlParameter("verdicts", NpgsqlDbType.Array | NpgsqlDbType.Text)
                    {
                        Value = snapshot.Verdicts.Values.ToArray(),
                    }
                );
                return true;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MonitoringSnapshot>> ListSnapshotsAsync(
        MonitoringSnapshotQuery query,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 10_000);
        return RunAsync<IReadOnlyList<MonitoringSnapshot>>(
            async (connection, transaction) =>
            {
                // The newest `limit` windows, returned oldest first; metrics and verdicts
                // gathered in the same query (arrays), so a trend of 200 windows is one round trip.
                await using var command = Command(
                    connection,
                    transaction,
                    """
                    SELECT s.run_id, s.window_start, s.window_end, s.created_at, s.report_path, s.model,
                        COALESCE((SELECT array_agg(key ORDER BY key) FROM mhi_monitoring_snapshot_metrics m WHERE m.run_id = s.run_id), '{}'),
                        COALESCE((SELECT array_agg(value ORDER BY key) FROM mhi_monitoring_snapshot_metrics m WHERE m.run_id = s.run_id), '{}'),
                        COALESCE((SELECT array_agg(subject ORDER BY subject) FROM mhi_monitoring_snapshot_verdicts v WHERE v.run_id = s.run_id), '{}'),
                        COALESCE((SELECT array_agg(verdict ORDER BY subject) FROM mhi_monitoring_snapshot_verdicts v WHERE v.run_id = s.run_id), '{}')
                    FROM mhi_monitoring_snapshots s
                    WHERE (@from::bigint IS NULL OR s.window_end >= @from) AND (@to::bigint IS NULL OR s.window_end < @to)
                    ORDER BY s.window_end DESC, s.run_id DESC LIMIT @limit
                    """,
                    Bigint("from", Ms(query.From)),
                    Bigint("to", Ms(query.To)),
                    new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit }
                );
                var snapshots = new List<MonitoringSnapshot>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var keys = reader.GetFieldValue<string[]>(6);
                    var values = reader.GetFieldValue<double[]>(7);
                    var subjects = reader.GetFieldValue<string[]>(8);
                    var verdicts = reader.GetFieldValue<string[]>(9);
                    var metrics = new Dictionary<string, double>(
                        keys.Length,
                        StringComparer.Ordinal
                    );
                    for (var i = 0; i < keys.Length; i++)
                    {
                        metrics[keys[i]] = values[i];
                    }
                    var verdictMap = new Dictionary<string, string>(
                        subjects.Length,
                        StringComparer.Ordinal
                    );
                    for (var i = 0; i < subjects.Length; i++)
                    {
                        verdictMap[subjects[i]] = verdicts[i];
                    }
                    snapshots.Add(
                        new MonitoringSnapshot(
                            reader.GetString(0),
                            FromMs(reader.GetInt64(1)),
                            FromMs(reader.GetInt64(2)),
                            FromMs(reader.GetInt64(3)),
                            metrics,
                            verdictMap,
                            reader.IsDBNull(4) ? null : reader.GetString(4),
                            reader.IsDBNull(5) ? null : reader.GetString(5)
                        )
                    );
                }
                snapshots.Reverse();
                return snapshots;
            },
            cancellationToken
        );
    }

    private async Task<T> RunAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException e)
        {
            throw new IOException($"The monitoring database '{Location}' failed: {e.Message}", e);
        }
    }

    private async Task CreateSchemaAsync(NpgsqlConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        // Processes starting together would race on CREATE TABLE IF NOT EXISTS.
        await ExecuteAsync(
            connection,
            transaction,
            "SELECT pg_advisory_xact_lock(@key)",
            CancellationToken.None,
            Bigint("key", PostgresMonitoringSchema.SchemaLock)
        );
        await ExecuteAsync(
            connection,
            transaction,
            PostgresMonitoringSchema.CreateV1,
            CancellationToken.None
        );
        await using (
            var command = Command(
                connection,
                transaction,
                "SELECT MAX(version) FROM mhi_monitoring_schema_version"
            )
        )
        {
            var existing = await command.ExecuteScalarAsync();
            if (existing is int version && version > PostgresMonitoringSchema.CurrentVersion)
            {
                throw new IOException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The monitoring database '{Location}' has schema version {version}; this build reads up to {PostgresMonitoringSchema.CurrentVersion}. Upgrade mhi."
                    )
                );
            }
            if (existing is null or DBNull)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO mhi_monitoring_schema_version (version, applied_at) VALUES (@v, 0)",
                    CancellationToken.None,
                    new NpgsqlParameter<int>("v", NpgsqlDbType.Integer)
                    {
                        TypedValue = PostgresMonitoringSchema.CurrentVersion,
                    }
                );
            }
        }
        await transaction.CommitAsync();
    }

    private static NpgsqlCommand Command(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        params NpgsqlParameter[] parameters
    )
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters
    )
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Bigint(string name, long? value) =>
        new(name, NpgsqlDbType.Bigint) { Value = value is { } v ? v : DBNull.Value };

    private static NpgsqlParameter Integer(string name, int? value) =>
        new(name, NpgsqlDbType.Integer) { Value = value is { } v ? v : DBNull.Value };

    private static NpgsqlParameter<bool> Boolean(string name, bool value) =>
        new(name, NpgsqlDbType.Boolean) { TypedValue = value };

    private static NpgsqlParameter<double> Double(string name, double value) =>
        new(name, NpgsqlDbType.Double) { TypedValue = value };

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static long? Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? FromMs(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));
}
