using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// Aliases and their audit history. Each change and its history row commit in one transaction.
public sealed partial class SqliteModelRegistry
{
    /// <inheritdoc />
    public Task SetRegisteredModelAliasAsync(
        string name,
        string aliasName,
        int version,
        AliasChangeNote? note = null,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateAlias(aliasName);
        RegistryValidation.ValidateVersion(version);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await RequireVersionAsync(
                    connection,
                    transaction,
                    name,
                    version,
                    cancellationToken
                );
                var current = await FindAliasVersionAsync(
                    connection,
                    transaction,
                    name,
                    aliasName,
                    cancellationToken
                );
                if (current == version)
                {
                    return true;
                }
                await using (var upsert = connection.CreateCommand())
                {
                    upsert.Transaction = transaction;
                    upsert.CommandText = """
                        INSERT INTO registered_model_aliases (name, alias, version) VALUES ($name, $alias, $version)
                        ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version
                        """;
                    upsert.Parameters.AddWithValue("$name", name);
                    upsert.Parameters.AddWithValue("$alias", aliasName);
                    upsert.Parameters.AddWithValue("$version", version);
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                }
                await RecordChangeAsync(
                    connection,
                    transaction,
                    name,
                    aliasName,
                    current,
                    version,
                    note,
                    cancellationToken
                );
                return true;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task DeleteRegisteredModelAliasAsync(
        string name,
        string aliasName,
        AliasChangeNote? note = null,
        CancellationToken cancellationToken = default
    ) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                if (!await ModelExistsAsync(connection, transaction, name, cancellationToken))
                {
                    throw ModelNotFound(name);
                }
                var current = await FindAliasVersionAsync(
                    connection,
                    transaction,
                    name,
                    aliasName,
                    cancellationToken
                );
                if (current is null)
                {
                    return false;
                }
                await using (var delete = connection.CreateCommand())
                {
                    delete.Transaction = transaction;
                    delete.CommandText =
                        "DELETE FROM registered_model_aliases WHERE name = $name AND alias = $alias";
                    delete.Parameters.AddWithValue("$name", name);
                    delete.Parameters.AddWithValue("$alias", aliasName);
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }
                await RecordChangeAsync(
                    connection,
                    transaction,
                    name,
                    aliasName,
                    current,
                    null,
                    note,
                    cancellationToken
                );
                return true;
            },
            cancellationToken
        );

    /// <inheritdoc />
    public Task<ModelVersion> GetModelVersionByAliasAsync(
        string name,
        string aliasName,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync(
            async (connection, transaction) =>
            {
                var version = await FindAliasVersionAsync(
                    connection,
                    transaction,
                    name,
                    aliasName,
                    cancellationToken
                );
                if (version is null)
                {
                    if (!await ModelExistsAsync(connection, transaction, name, cancellationToken))
                    {
                        throw ModelNotFound(name);
                    }
                    throw new TrackingException(
                        TrackingErrorCode.ResourceDoesNotExist,
                        $"Registered model alias {aliasName} not found."
                    );
                }
                return await RequireVersionAsync(
                    connection,
                    transaction,
                    name,
                    version.Value,
                    cancellationToken
                );
            },
            cancellationToken
        );

    /// <inheritdoc />
    public Task<IReadOnlyList<AliasChange>> GetAliasHistoryAsync(
        string name,
        string? aliasName = null,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync<IReadOnlyList<AliasChange>>(
            async (connection, transaction) =>
            {
                if (!await ModelExistsAsync(connection, transaction, name, cancellationToken))
                {
                    throw ModelNotFound(name);
                }
                var sql = new SqlBuilder()
                    .Append(
                        "SELECT sequence, name, alias, from_version, to_version, changed_by, changed_at, reason FROM alias_history WHERE name = "
                    )
                    .AppendParameter(name);
                if (aliasName is not null)
                {
                    sql.Append(" AND alias = ").AppendParameter(aliasName);
                }
                sql.Append(" ORDER BY sequence");
                var history = new List<AliasChange>();
                await using var command = sql.ToCommand(connection, transaction);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    history.Add(
                        new AliasChange(
                            reader.GetInt64(0),
                            reader.GetString(1),
                            reader.GetString(2),
                            reader.IsDBNull(3) ? null : (int)reader.GetInt64(3),
                            reader.IsDBNull(4) ? null : (int)reader.GetInt64(4),
                            reader.GetString(5),
                            reader.GetInt64(6),
                            reader.IsDBNull(7) ? null : reader.GetString(7)
                        )
                    );
                }
                return history;
            },
            cancellationToken
        );

    private static async Task<int?> FindAliasVersionAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        string aliasName,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT version FROM registered_model_aliases WHERE name = $name AND alias = $alias";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$alias", aliasName);
        return await command.ExecuteScalarAsync(cancellationToken) is long version
            ? (int)version
            : null;
    }

    private async Task RecordChangeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        string aliasName,
        int? fromVersion,
        int? toVersion,
        AliasChangeNote? note,
        CancellationToken cancellationToken
    )
    {
        var now = _database.NowMs;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO alias_history (name, alias, from_version, to_version, changed_by, changed_at, reason)
            VALUES ($name, $alias, $from, $to, $by, $at, $reason);
            UPDATE registered_models SET last_updated_time = $at WHERE name = $name;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$alias", aliasName);
        command.Parameters.AddWithValue("$from", (object?)fromVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)toVersion ?? DBNull.Value);
        command.Parameters.AddWithValue(
            "$by",
            string.IsNullOrWhiteSpace(note?.ChangedBy) ? _userName : note.ChangedBy
        );
        command.Parameters.AddWithValue("$at", now);
        command.Parameters.AddWithValue("$reason", (object?)note?.Reason ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
