using System.Globalization;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Artifacts.Local;
using MentalHealthInsights.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// Connections, transactions and the schema of the tracking database. Writes run in
/// <c>BEGIN IMMEDIATE</c> transactions, so a writer takes the database's write lock before it
/// reads what it will change (no lost updates between processes); reads run in deferred
/// transactions and, in WAL mode, never wait for writers. <c>busy_timeout</c> makes a writer
/// wait for another instead of failing at once.
/// </summary>
internal sealed class SqliteTrackingDatabase
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly TimeProvider _timeProvider;

    // The schema, created once per instance; a failed attempt is retried by the next call.
    private readonly RetriedUntilDone _schema;

    public SqliteTrackingDatabase(SqliteTrackingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        DefaultArtifactRoot = (
            options.DefaultArtifactRoot
            ?? FileUris.ToFileUri(
                Path.Combine(Path.GetDirectoryName(DatabasePath) ?? ".", "mlartifacts")
            )
        ).TrimEnd('/');
        _timeProvider = timeProvider;
        _schema = new RetriedUntilDone(() => CreateSchemaAsync(CancellationToken.None));
        _busyTimeoutMs = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = SqlitePools.ConnectionString(
            new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = options.Pooling,
                // Microsoft.Data.Sqlite retries SQLITE_BUSY up to the command timeout on top of
                // busy_timeout; keep the two equal so the documented wait is the real one.
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
            }
        );
    }

    public string DatabasePath { get; }

    public string ConnectionString => _connectionString;

    /// <summary>Artifact root URI of new experiments, without a trailing slash.</summary>
    public string DefaultArtifactRoot { get; }

    public long NowMs => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="work"/> in a write (IMMEDIATE) transaction and commits.</summary>
    public Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        CancellationToken cancellationToken
    ) => RunAsync(work, deferred: false, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a read (deferred) transaction: one consistent snapshot.</summary>
    public Task<T> ReadAsync<T>(
        Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        CancellationToken cancellationToken
    ) => RunAsync(work, deferred: true, cancellationToken);

    private async Task<T> RunAsync<T>(
        Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        bool deferred,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new TrackingException(
                TrackingErrorCode.TemporarilyUnavailable,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The tracking database '{DatabasePath}' stayed locked by another writer for more than {_busyTimeoutMs} ms; try again."
                ),
                e
            );
        }
        catch (SqliteException e)
        {
            throw new TrackingException(
                TrackingErrorCode.InternalError,
                $"The tracking database '{DatabasePath}' failed: {e.Message}",
                e
            );
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.RunAsync().WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection settings (pooled connections keep them; setting again is cheap).
            await ExecuteAsync(
                connection,
                null,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
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

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        // Off the caller's stack: the task is shared by every caller until it completes.
        await Task.Yield();
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await using var connection = await OpenRawAsync(cancellationToken);
        // WAL is a property of the file: readers stop blocking writers for every process.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, SqliteSchema.CreateV1, cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT MAX(version) FROM schema_version";
            var found = await command.ExecuteScalarAsync(cancellationToken);
            var version = found is long v ? (int)v : 0;
            if (version > SqliteSchema.CurrentVersion)
            {
                throw new TrackingException(
                    TrackingErrorCode.InvalidState,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The tracking database '{DatabasePath}' has schema version {version}; this program supports up to {SqliteSchema.CurrentVersion}. Upgrade the program."
                    )
                );
            }
            if (version < SqliteSchema.CurrentVersion)
            {
                await SeedAsync(connection, transaction, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    // A new store gets MLflow's "Default" experiment with id 0 (as MLflow's SQL store does).
    private async Task SeedAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        CancellationToken cancellationToken
    )
    {
        var now = NowMs;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO experiments
                (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
            VALUES (0, 'Default', $location, 'active', $now, $now);
            INSERT INTO schema_version (version, applied_at) VALUES ($version, $now);
            """;
        command.Parameters.AddWithValue("$location", DefaultArtifactRoot + "/0");
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$version", SqliteSchema.CurrentVersion);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task ExecuteAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
