using System.Data;
using System.Data.Common;
using System.Text.Json;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>
/// The run store on a SQL database through ADO.NET: SQLite (default, one file) or PostgreSQL
/// (Npgsql). One set of SQL serves both (TEXT, BIGINT and INTEGER columns, <c>ON CONFLICT</c>
/// upserts); times are stored as UTC ticks so they round-trip exactly. Several processes may
/// share one database: every write is one short transaction.
/// </summary>
public sealed partial class SqlPipelineRunStore : IPipelineRunStore, IAsyncDisposable
{
    private const string Unfinished = "('Pending', 'Running')";
    private readonly DbDataSource _dataSource;
    private readonly PipelineStoreDialect _dialect;

    /// <summary>A store on <paramref name="dataSource"/> (owned: disposed with the store).</summary>
    public SqlPipelineRunStore(
        DbDataSource dataSource,
        PipelineStoreDialect dialect,
        string location
    )
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _dialect = dialect;
        Location = location;
    }

    /// <summary>Where the store is, for messages (no password).</summary>
    public string Location { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (_dialect == PipelineStoreDialect.Sqlite)
        {
            // WAL is a property of the file: readers (mhi pipeline runs) never block the runner.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (_dialect == PipelineStoreDialect.Postgres)
        {
            // Two workers starting together would race on CREATE TABLE IF NOT EXISTS.
            await ExecuteAsync(
                connection,
                transaction,
                "SELECT pg_advisory_xact_lock(7207320401);",
                cancellationToken
            );
        }
        await ExecuteAsync(connection, transaction, Schema, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The runs table: its presence tells a run store from another SQLite file.</summary>
    public const string RunsTable = "mhi_pipeline_runs";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS mhi_pipeline_runs (
            id TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            parameters TEXT NOT NULL,
            trigger_kind TEXT NOT NULL,
            state TEXT NOT NULL,
            owner_id TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            started_at BIGINT NULL,
            ended_at BIGINT NULL,
            heartbeat_at BIGINT NOT NULL,
            error TEXT NULL,
            cancel_requested INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS mhi_pipeline_runs_created ON mhi_pipeline_runs (created_at);
        CREATE INDEX IF NOT EXISTS mhi_pipeline_runs_state ON mhi_pipeline_runs (state);
        CREATE TABLE IF NOT EXISTS mhi_pipeline_steps (
            run_id TEXT NOT NULL REFERENCES mhi_pipeline_runs (id) ON DELETE CASCADE,
            step_index INTEGER NOT NULL,
            name TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            started_at BIGINT NULL,
            ended_at BIGINT NULL,
            error TEXT NULL,
            cache_key TEXT NULL,
            outputs TEXT NOT NULL,
            links TEXT NOT NULL,
            message TEXT NULL,
            PRIMARY KEY (run_id, step_index)
        );
        CREATE TABLE IF NOT EXISTS mhi_pipeline_cache (
            cache_key TEXT PRIMARY KEY,
            step TEXT NOT NULL,
            run_id TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            outputs TEXT NOT NULL,
            links TEXT NOT NULL
        );
        """;

    /// <inheritdoc />
    public async Task CreateRunAsync(
        PipelineRunRecord run,
        IReadOnlyList<StepRunRecord> steps,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(steps);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (
            var command = Command(
                connection,
                transaction,
                """
                INSERT INTO mhi_pipeline_runs (id, pipeline, parameters, trigger_kind, state, owner_id,
                    created_at, started_at, ended_at, heartbeat_at, error, cancel_requested)
                VALUES (@id, @pipeline, @parameters, @trigger, @state, @owner,
                    @created, @started, @ended, @heartbeat, @error, 0);
                """
            )
        )
        {
            Add(command, "@id", run.Id);
            Add(command, "@pipeline", run.Pipeline);
            Add(command, "@parameters", ToJson(run.Parameters));
            Add(command, "@trigger", run.Trigger.ToString());
            Add(command, "@state", run.State.ToString());
            Add(command, "@owner", run.OwnerId);
            Add(command, "@created", run.CreatedAt.UtcTicks);
            Add(command, "@started", run.StartedAt?.UtcTicks);
            Add(command, "@ended", run.EndedAt?.UtcTicks);
            Add(command, "@heartbeat", run.HeartbeatAt.UtcTicks);
            Add(command, "@error", run.Error);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var step in steps)
        {
            await UpsertStepAsync(connection, transaction, step, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpdateRunAsync(PipelineRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            """
            UPDATE mhi_pipeline_runs SET state = @state, owner_id = @owner, started_at = @started,
                ended_at = @ended, heartbeat_at = @heartbeat, error = @error
            WHERE id = @id;
            """
        );
        Add(command, "@id", run.Id);
        Add(command, "@state", run.State.ToString());
        Add(command, "@owner", run.OwnerId);
        Add(command, "@started", run.StartedAt?.UtcTicks);
        Add(command, "@ended", run.EndedAt?.UtcTicks);
        Add(command, "@heartbeat", run.HeartbeatAt.UtcTicks);
        Add(command, "@error", run.Error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SaveStepAsync(StepRunRecord stepRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepRun);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await UpsertStepAsync(connection, null, stepRun, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            $"""
            UPDATE mhi_pipeline_runs SET cancel_requested = 1
            WHERE id = @id AND state IN {Unfinished};
            """
        );
        Add(command, "@id", runId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> IsCancelRequestedAsync(
        string runId,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            "SELECT cancel_requested FROM mhi_pipeline_runs WHERE id = @id;"
        );
        Add(command, "@id", runId);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is not null and not DBNull
            && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <inheritdoc />
    public async Task HeartbeatAsync(
        string runId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            $"""
            UPDATE mhi_pipeline_runs SET heartbeat_at = @now
            WHERE id = @id AND state IN {Unfinished};
            """
        );
        Add(command, "@id", runId);
        Add(command, "@now", now.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task PutCachedAsync(CachedStepResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            """
            INSERT INTO mhi_pipeline_cache (cache_key, step, run_id, created_at, outputs, links)
            VALUES (@key, @step, @run, @created, @outputs, @links)
            ON CONFLICT (cache_key) DO UPDATE SET step = excluded.step, run_id = excluded.run_id,
                created_at = excluded.created_at, outputs = excluded.outputs, links = excluded.links;
            """
        );
        Add(command, "@key", result.CacheKey);
        Add(command, "@step", result.Step);
        Add(command, "@run", result.RunId);
        Add(command, "@created", result.CreatedAt.UtcTicks);
        Add(command, "@outputs", ToJson(result.Outputs));
        Add(command, "@links", ToJson(result.Links));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertStepAsync(
        DbConnection connection,
        DbTransaction? transaction,
        StepRunRecord step,
        CancellationToken cancellationToken
    )
    {
        await using var command = Command(
            connection,
            transaction,
            """
            INSERT INTO mhi_pipeline_steps (run_id, step_index, name, state, attempts, started_at,
                ended_at, error, cache_key, outputs, links, message)
            VALUES (@run, @index, @name, @state, @attempts, @started, @ended, @error, @key,
                @outputs, @links, @message)
            ON CONFLICT (run_id, step_index) DO UPDATE SET name = excluded.name,
                state = excluded.state, attempts = excluded.attempts,
                started_at = excluded.started_at, ended_at = excluded.ended_at,
                error = excluded.error, cache_key = excluded.cache_key,
                outputs = excluded.outputs, links = excluded.links, message = excluded.message;
            """
        );
        Add(command, "@run", step.RunId);
        Add(command, "@index", step.Index);
        Add(command, "@name", step.Name);
        Add(command, "@state", step.State.ToString());
        Add(command, "@attempts", step.Attempts);
        Add(command, "@started", step.StartedAt?.UtcTicks);
        Add(command, "@ended", step.EndedAt?.UtcTicks);
        Add(command, "@error", step.Error);
        Add(command, "@key", step.CacheKey);
        Add(command, "@outputs", ToJson(step.Outputs));
        Add(command, "@links", ToJson(step.Links));
        Add(command, "@message", step.Message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(
        DbConnection connection,
        DbTransaction? transaction,
        string sql
    )
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL; values always go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static async Task ExecuteAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string sql,
        CancellationToken cancellationToken
    )
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, string? value) =>
        Add(command, name, value, DbType.String);

    private static void Add(DbCommand command, string name, long? value) =>
        Add(command, name, value, DbType.Int64);

    private static void Add(DbCommand command, string name, int value) =>
        Add(command, name, value, DbType.Int32);

    private static void Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // Typed even when null, so PostgreSQL knows the type of a NULL parameter.
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string ToJson(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(
            new Dictionary<string, string>(values, StringComparer.Ordinal),
            PipelineStoreJsonContext.Default.DictionaryStringString
        );

    private static string ToJson(IReadOnlyList<PipelineLink> links) =>
        JsonSerializer.Serialize([.. links], PipelineStoreJsonContext.Default.ListPipelineLink);
}
