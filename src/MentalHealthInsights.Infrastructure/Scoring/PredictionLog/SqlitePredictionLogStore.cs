using System.Globalization;
using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// The prediction log in one SQLite file (the default adapter of <see cref="IPredictionLogStore"/>).
/// WAL mode, so monitoring reads never wait for the server's writes; every append is one
/// IMMEDIATE transaction whose rows go through one prepared statement bound by index (no
/// allocation per row). Timestamps are stored as UTC ticks (exact round trip); missing numbers
/// as NULL (read back as NaN). Thread-safe: each call opens its own pooled connection.
/// </summary>
public sealed partial class SqlitePredictionLogStore : IPredictionLogStore
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly Lock _schemaGate = new();
    private volatile bool _schemaReady;

    /// <summary>Opens (and on first use creates) the log at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The SQLite file; its folder is created when missing.</param>
    /// <param name="busyTimeout">How long a writer waits for another process's lock. Default 5 s.</param>
    public SqlitePredictionLogStore(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        _connectionString = SqlitePools.ConnectionString(
            new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            }
        );
        var busyMs = (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = NORMAL; "
                + $"PRAGMA wal_autocheckpoint = {WalAutoCheckpointPages};"
        );
    }

    /// <summary>
    /// WAL frames (pages) after which a commit checkpoints the WAL into the database: 16,384 ≈ 64 MiB
    /// of 4 KiB pages, instead of SQLite's 1,000. With distinct User_IDs every logged prediction
    /// dirties about one page of the subject index, so at 1,000 the server's writer checkpointed
    /// (two fsyncs, every page copied) every few batches; at this size a checkpoint copies each
    /// page once for many commits. Measured with `mhi serve` under wrk (docs/serving.md, "The
    /// prediction log with distinct User_IDs"). The cost: the WAL file keeps its largest size
    /// (≈ 64 MiB) between checkpoints, and as <c>synchronous = NORMAL</c> syncs the WAL only at a
    /// checkpoint, a power loss or kernel crash (not a process crash) can take back more of the
    /// latest entries than before — those the kernel had not yet written back.
    /// </summary>
    public const int WalAutoCheckpointPages = 16_384;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public async Task AppendAsync(
        IReadOnlyList<PredictionLogEntry> entries,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }
        await using var connection = await OpenAsync(cancellationToken);
        // IMMEDIATE: take the write lock first, so concurrent writers wait (busy_timeout) instead of failing.
        await using var transaction = connection.BeginTransaction(deferred: false);
        InsertAll(connection.Handle!, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PredictionLogEntry> ReadAsync(
        PredictionLogQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql;
        command.Parameters.AddWithValue("$from", query.From?.UtcTicks ?? long.MinValue);
        command.Parameters.AddWithValue("$to", query.To?.UtcTicks ?? long.MaxValue);
        command.Parameters.AddWithValue("$model", (object?)query.ModelName ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadEntry(reader);
        }
    }

    /// <inheritdoc />
    public async Task<OutcomeAttachment> AttachOutcomesAsync(
        IReadOnlyList<OutcomeLabel> outcomes,
        DateTimeOffset attachedAt,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return default;
        }
        await using var connection = await OpenAsync(cancellationToken);
        // IMMEDIATE: take the write lock first, so concurrent writers wait (busy_timeout) instead of failing.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE prediction_log SET outcome = $outcome, outcome_at_ticks = $at "
            + "WHERE subject_key = $key AND outcome IS NULL";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var outcome = command.Parameters.Add("$outcome", SqliteType.Integer);
        command.Parameters.AddWithValue("$at", attachedAt.UtcTicks);
        int updated = 0,
            matched = 0;
        foreach (var label in outcomes)
        {
            ArgumentNullException.ThrowIfNull(label);
            key.Value = label.SubjectKey;
            outcome.Value = label.Outcome ? 1 : 0;
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            updated += rows;
            matched += rows > 0 ? 1 : 0;
        }
        await transaction.CommitAsync(cancellationToken);
        return new OutcomeAttachment(outcomes.Count, matched, updated);
    }

    /// <summary>How many entries the log holds (for tests and operations).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM prediction_log";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            EnsureSchema();
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // WAL + synchronous=NORMAL: durable across process crashes, one fsync per checkpoint.
            pragma.CommandText = _pragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void EnsureSchema()
    {
        lock (_schemaGate)
        {
            if (_schemaReady)
            {
                return;
            }
            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SchemaSql;
            command.ExecuteNonQuery();
            _schemaReady = true;
        }
    }
}
