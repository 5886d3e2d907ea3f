using System.Globalization;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>
/// The default monitoring store: one SQLite file (WAL mode). Writes run in <c>BEGIN IMMEDIATE</c>
/// transactions, so the read-decide-write of de-duplication is atomic across processes; a
/// failure of the database surfaces as an <see cref="IOException"/> naming the file.
/// </summary>
public sealed partial class SqliteMonitoringStore : IMonitoringStore
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    // The schema, created once per instance; a failed attempt is retried by the next call.
    private readonly RetriedUntilDone _schema;

    /// <summary>Opens (and on first use creates) the store described by <paramref name="options"/>.</summary>
    public SqliteMonitoringStore(SqliteMonitoringStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _busyTimeoutMs = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = SqlitePools.ConnectionString(
            new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
            }
        );
        _schema = new RetriedUntilDone(CreateSchemaAsync);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public Task<bool> SaveSnapshotAsync(
        MonitoringSnapshot snapshot,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.RunId);
        return RunAsync(
            async (connection, transaction) =>
            {
                var inserted = await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO snapshots (run_id, window_start, window_end, created_at, report_path, model)
                    VALUES ($run, $start, $end, $created, $report, $model)
                    ON CONFLICT (run_id) DO NOTHING
                    """,
                    cancellationToken,
                    ("$run", snapshot.RunId),
                    ("$start", Ms(snapshot.WindowStart)),
                    ("$end", Ms(snapshot.WindowEnd)),
                    ("$created", Ms(snapshot.CreatedAt)),
                    ("$report", snapshot.ReportPath),
                    ("$model", snapshot.Model)
                );
                if (inserted == 0)
                {
                    return false;
                }
                foreach (var (key, value) in snapshot.KeyMetrics)
                {
                    if (double.IsFinite(value))
                    {
                        await ExecuteAsync(
                            connection,
                            transaction,
                            "INSERT INTO snapshot_metrics (run_id, key, value) VALUES ($run, $key, $value)",
                            cancellationToken,
                            ("$run", snapshot.RunId),
                            ("$key", key),
                            ("$value", value)
                        );
                    }
                }
                foreach (var (subject, verdict) in snapshot.Verdicts)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO snapshot_verdicts (run_id, subject, verdict) VALUES ($run, $subject, $verdict)",
                        cancellationToken,
                        ("$run", snapshot.RunId),
                        ("$subject", subject),
                        ("$verdict", verdict)
                    );
                }
                return true;
            },
            write: true,
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
                // The newest `limit` windows, returned oldest first.
                var rows =
                    new List<(
                        string Run,
                        long Start,
                        long End,
                        long Created,
                        string? Report,
                        string? Model
                    )>();
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = """
                        SELECT run_id, window_start, window_end, created_at, report_path, model FROM snapshots
                        WHERE ($from IS NULL OR window_end >= $from) AND ($to IS NULL OR window_end < $to)
                        ORDER BY window_end DESC, run_id DESC LIMIT $limit
                        """;
                    Bind(
                        command,
                        ("$from", Ms(query.From)),
                        ("$to", Ms(query.To)),
                        ("$limit", limit)
                    );
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add(
                            (
                                reader.GetString(0),
                                reader.GetInt64(1),
                                reader.GetInt64(2),
                                reader.GetInt64(3),
                                reader.IsDBNull(4) ? null : reader.GetString(4),
                                reader.IsDBNull(5) ? null : reader.GetString(5)
                            )
                        );
                    }
                }
                rows.Reverse();
                var snapshots = new List<MonitoringSnapshot>(rows.Count);
                foreach (var row in rows)
                {
                    var metrics = await ReadPairsAsync(
                        connection,
                        transaction,
                        "SELECT key, value FROM snapshot_metrics WHERE run_id = $run ORDER BY key",
                        row.Run,
                        r => r.GetDouble(1),
                        cancellationToken
                    );
                    var verdicts = await ReadPairsAsync(
                        connection,
                        transaction,
                        "SELECT subject, verdict FROM snapshot_verdicts WHERE run_id = $run ORDER BY subject",
                        row.Run,
                        r => r.GetString(1),
                        cancellationToken
                    );
                    snapshots.Add(
                        new MonitoringSnapshot(
                            row.Run,
                            FromMs(row.Start),
                            FromMs(row.End),
                            FromMs(row.Created),
                            metrics,
                            verdicts,
                            row.Report,
                            row.Model
                        )
                    );
                }
                return snapshots;
            },
            write: false,
            cancellationToken
        );
    }

    private static async Task<IReadOnlyDictionary<string, T>> ReadPairsAsync<T>(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sql,
        string runId,
        Func<SqliteDataReader, T> value,
        CancellationToken cancellationToken
    )
    {
        var pairs = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, ("$run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs[reader.GetString(0)] = value(reader);
        }
        return pairs;
    }

    private async Task<T> RunAsync<T>(
        Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        bool write,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await _schema.RunAsync().WaitAsync(cancellationToken);
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: !write);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException e)
        {
            throw new IOException(
                $"The monitoring database '{DatabasePath}' failed: {e.Message}",
                e
            );
        }
    }

    private async Task CreateSchemaAsync()
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await using var connection = await OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", CancellationToken.None);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(
            connection,
            transaction,
            SqliteMonitoringSchema.CreateV1,
            CancellationToken.None
        );
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT MAX(version) FROM monitoring_schema_version";
            var existing = await command.ExecuteScalarAsync();
            if (existing is long version && version > SqliteMonitoringSchema.CurrentVersion)
            {
                throw new IOException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The monitoring database '{DatabasePath}' has schema version {version}; this build reads up to {SqliteMonitoringSchema.CurrentVersion}. Upgrade mhi."
                    )
                );
            }
            if (existing is null or DBNull)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO monitoring_schema_version (version, applied_at) VALUES ($v, 0)",
                    CancellationToken.None,
                    ("$v", SqliteMonitoringSchema.CurrentVersion)
                );
            }
        }
        await transaction.CommitAsync();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(
                connection,
                null,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON;"
                ),
                cancellationToken
            );
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(
        SqliteCommand command,
        params (string Name, object? Value)[] parameters
    )
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static long? Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? FromMs(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));
}
