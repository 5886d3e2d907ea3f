using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

/// <summary>
/// The prediction log on a PostgreSQL server (table <c>mhi_prediction_log</c>, created on first
/// use), for several servers writing to one log. Appends are one binary <c>COPY</c> each (atomic:
/// all rows or none; ids from an identity column); label attachment is one <c>UPDATE … FROM
/// unnest(…)</c> per call (counting the keys it matched as it returns), so a chunk of labels
/// costs one round trip. Same semantics as
/// <see cref="SqlitePredictionLogStore"/>: timestamps stored as UTC ticks (exact round trip),
/// missing numbers as NULL (read back as NaN). Thread-safe; connections come from Npgsql's pool,
/// so the store owns nothing to dispose. Database failures surface as <see cref="IOException"/>
/// naming the server and database (never the password).
/// </summary>
public sealed partial class PostgresPredictionLogStore : IPredictionLogStore
{
    private readonly PostgresDatabase _database;

    /// <summary>A store on the database <paramref name="connectionString"/> names (an Npgsql connection string).</summary>
    public PostgresPredictionLogStore(string connectionString)
    {
        _database = new PostgresDatabase(connectionString, CreateSchemaAsync);
    }

    /// <summary>Where the log is, for messages: <c>postgresql://host:port/database</c> (no credentials).</summary>
    public string Location => _database.Location;

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
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // One COPY is one statement: a failure or cancellation before CompleteAsync writes nothing.
            await using var importer = await connection.BeginBinaryImportAsync(
                CopySql,
                cancellationToken
            );
            foreach (var entry in entries)
            {
                ArgumentNullException.ThrowIfNull(entry);
                await WriteRowAsync(importer, entry, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw Failure(e);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PredictionLogEntry> ReadAsync(
        PredictionLogQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        var (connection, command, reader) = await StartReadAsync(query, cancellationToken);
        await using (connection)
        await using (command)
        await using (reader)
        {
            while (await NextAsync(reader, cancellationToken))
            {
                yield return ReadEntry(reader);
            }
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
        // The first label of a key wins within a call, as when the SQLite store applies them in
        // order (a later one finds the predictions labelled already).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>(outcomes.Count);
        var values = new List<bool>(outcomes.Count);
        foreach (var label in outcomes)
        {
            ArgumentNullException.ThrowIfNull(label);
            if (seen.Add(label.SubjectKey))
            {
                keys.Add(label.SubjectKey);
                values.Add(label.Outcome);
            }
        }
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(AttachSql, connection);
            command.Parameters.Add(
                new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    TypedValue = [.. keys],
                }
            );
            command.Parameters.Add(
                new NpgsqlParameter<bool[]>("outcomes", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
                {
                    TypedValue = [.. values],
                }
            );
            command.Parameters.Add(
                new NpgsqlParameter<long>("at", NpgsqlDbType.Bigint)
                {
                    TypedValue = attachedAt.UtcTicks,
                }
            );
            // One row: predictions updated, and the distinct keys among them (labels matched).
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new OutcomeAttachment(
                outcomes.Count,
                checked((int)reader.GetInt64(1)),
                checked((int)reader.GetInt64(0))
            );
        }
        catch (NpgsqlException e)
        {
            throw Failure(e);
        }
    }

    /// <summary>How many entries the log holds (for tests and operations).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT COUNT(*) FROM mhi_prediction_log",
                connection
            );
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException e)
        {
            throw Failure(e);
        }
    }

    private async Task<(
        NpgsqlConnection Connection,
        NpgsqlCommand Command,
        NpgsqlDataReader Reader
    )> StartReadAsync(PredictionLogQuery query, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        NpgsqlCommand? command = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            command = new NpgsqlCommand(SelectSql, connection);
            command.Parameters.Add(
                new NpgsqlParameter<long>("from", NpgsqlDbType.Bigint)
                {
                    TypedValue = query.From?.UtcTicks ?? long.MinValue,
                }
            );
            command.Parameters.Add(
                new NpgsqlParameter<long>("to", NpgsqlDbType.Bigint)
                {
                    TypedValue = query.To?.UtcTicks ?? long.MaxValue,
                }
            );
            command.Parameters.Add(
                new NpgsqlParameter("model", NpgsqlDbType.Text)
                {
                    Value = (object?)query.ModelName ?? DBNull.Value,
                }
            );
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            return (connection, command, reader);
        }
        catch (Exception e)
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            if (e is NpgsqlException npgsql)
            {
                throw Failure(npgsql);
            }
            throw;
        }
    }

    private async Task<bool> NextAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw Failure(e);
        }
    }

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _database.OpenAsync(cancellationToken);

    private static async Task CreateSchemaAsync(NpgsqlConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        // Servers starting together would race on CREATE TABLE IF NOT EXISTS (a unique
        // violation in pg_type): the advisory lock makes the first one create and the others wait.
        await using (
            var command = new NpgsqlCommand(
                "SELECT pg_advisory_xact_lock(7207320402); " + SchemaSql,
                connection,
                transaction
            )
        )
        {
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private IOException Failure(NpgsqlException e) =>
        new($"The prediction log '{Location}' failed: {e.Message}", e);
}
