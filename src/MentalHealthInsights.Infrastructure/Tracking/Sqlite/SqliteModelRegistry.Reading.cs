using MentalHealthInsights.Core.Registry;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// Row mapping and batched loading of tags and aliases.
public sealed partial class SqliteModelRegistry
{
    private const int InListChunk = 250;

    private const string ModelColumns =
        "m.name, m.creation_time, m.last_updated_time, m.description, m.last_version";

    private const string VersionColumns =
        "v.name, v.version, v.creation_time, v.last_updated_time, v.user_id, v.description, v.source, v.run_id, v.run_link, v.status, v.status_message";

    private static async Task<bool> ModelExistsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM registered_models WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<RegisteredModel> RequireModelAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        CancellationToken cancellationToken
    )
    {
        var sql = new SqlBuilder()
            .Append($"SELECT {ModelColumns} FROM registered_models m WHERE m.name = ")
            .AppendParameter(name);
        var models = await ReadModelsAsync(connection, transaction, sql, cancellationToken);
        return models.Count == 1 ? models[0] : throw ModelNotFound(name);
    }

    private static async Task<ModelVersion> RequireVersionAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        int version,
        CancellationToken cancellationToken
    )
    {
        var sql = new SqlBuilder()
            .Append($"SELECT {VersionColumns} FROM model_versions v WHERE v.name = ")
            .AppendParameter(name)
            .Append(" AND v.version = ")
            .AppendParameter(version);
        var versions = await ReadVersionsAsync(connection, transaction, sql, cancellationToken);
        if (versions.Count == 1)
        {
            return versions[0];
        }
        if (!await ModelExistsAsync(connection, transaction, name, cancellationToken))
        {
            throw ModelNotFound(name);
        }
        throw VersionNotFound(name, version);
    }

    /// <summary>Runs a query selecting <see cref="ModelColumns"/> and attaches tags and aliases.</summary>
    private static async Task<List<RegisteredModel>> ReadModelsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        SqlBuilder sql,
        CancellationToken cancellationToken
    )
    {
        var models = new List<RegisteredModel>();
        await using (var command = sql.ToCommand(connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var lastVersion = reader.GetInt64(4);
                models.Add(
                    new RegisteredModel
                    {
                        Name = reader.GetString(0),
                        CreationTimestampMs = reader.GetInt64(1),
                        LastUpdatedTimestampMs = reader.GetInt64(2),
                        Description = reader.GetString(3),
                        LatestVersion = lastVersion > 0 ? (int)lastVersion : null,
                    }
                );
            }
        }
        return await AttachModelDetailsAsync(connection, transaction, models, cancellationToken);
    }

    internal static async Task<List<RegisteredModel>> AttachModelDetailsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        List<RegisteredModel> models,
        CancellationToken cancellationToken
    )
    {
        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var chunk in models.Select(m => m.Name).Chunk(InListChunk))
        {
            var tagSql = new SqlBuilder().Append(
                "SELECT name, key, value FROM registered_model_tags WHERE name IN "
            );
            AppendInList(tagSql, chunk);
            await using (var command = tagSql.ToCommand(connection, transaction))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    GetOrAdd(tags, reader.GetString(0))[reader.GetString(1)] = reader.GetString(2);
                }
            }
            var aliasSql = new SqlBuilder().Append(
                "SELECT name, alias, version FROM registered_model_aliases WHERE name IN "
            );
            AppendInList(aliasSql, chunk);
            await using (var command = aliasSql.ToCommand(connection, transaction))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    GetOrAdd(aliases, reader.GetString(0))[reader.GetString(1)] = (int)
                        reader.GetInt64(2);
                }
            }
        }
        return
        [
            .. models.Select(m =>
                m with
                {
                    Tags = tags.TryGetValue(m.Name, out var t)
                        ? t
                        : new Dictionary<string, string>(StringComparer.Ordinal),
                    Aliases = aliases.TryGetValue(m.Name, out var a)
                        ? a
                        : new Dictionary<string, int>(StringComparer.Ordinal),
                }
            ),
        ];
    }

    /// <summary>Runs a query selecting <see cref="VersionColumns"/> and attaches tags and aliases.</summary>
    private static async Task<List<ModelVersion>> ReadVersionsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        SqlBuilder sql,
        CancellationToken cancellationToken
    )
    {
        var versions = new List<ModelVersion>();
        await using (var command = sql.ToCommand(connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(
                    new ModelVersion
                    {
                        Name = reader.GetString(0),
                        Version = (int)reader.GetInt64(1),
                        CreationTimestampMs = reader.GetInt64(2),
                        LastUpdatedTimestampMs = reader.GetInt64(3),
                        UserId = reader.GetString(4),
                        Description = reader.GetString(5),
                        Source = reader.GetString(6),
                        RunId = reader.IsDBNull(7) ? null : reader.GetString(7),
                        RunLink = reader.IsDBNull(8) ? null : reader.GetString(8),
                        Status = ParseStatus(reader.GetString(9)),
                        StatusMessage = reader.IsDBNull(10) ? null : reader.GetString(10),
                    }
                );
            }
        }
        return await AttachVersionDetailsAsync(
            connection,
            transaction,
            versions,
            cancellationToken
        );
    }

    private static async Task<List<ModelVersion>> AttachVersionDetailsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        List<ModelVersion> versions,
        CancellationToken cancellationToken
    )
    {
        var tags = new Dictionary<(string, int), Dictionary<string, string>>();
        var aliases = new Dictionary<(string, int), List<string>>();
        foreach (var chunk in versions.Chunk(InListChunk))
        {
            var tagSql = new SqlBuilder().Append(
                "SELECT name, version, key, value FROM model_version_tags WHERE (name, version) IN "
            );
            AppendPairList(tagSql, chunk);
            await using (var command = tagSql.ToCommand(connection, transaction))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    GetOrAdd(tags, (reader.GetString(0), (int)reader.GetInt64(1)))[
                        reader.GetString(2)
                    ] = reader.GetString(3);
                }
            }
            var aliasSql = new SqlBuilder().Append(
                "SELECT name, version, alias FROM registered_model_aliases WHERE (name, version) IN "
            );
            AppendPairList(aliasSql, chunk);
            aliasSql.Append(" ORDER BY alias");
            await using (var command = aliasSql.ToCommand(connection, transaction))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var key = (reader.GetString(0), (int)reader.GetInt64(1));
                    if (!aliases.TryGetValue(key, out var list))
                    {
                        list = [];
                        aliases[key] = list;
                    }
                    list.Add(reader.GetString(2));
                }
            }
        }
        return
        [
            .. versions.Select(v =>
                v with
                {
                    Tags = tags.TryGetValue((v.Name, v.Version), out var t)
                        ? t
                        : new Dictionary<string, string>(StringComparer.Ordinal),
                    Aliases = aliases.TryGetValue((v.Name, v.Version), out var a) ? a : [],
                }
            ),
        ];
    }

    private static ModelVersionStatus ParseStatus(string text) =>
        text switch
        {
            "PENDING_REGISTRATION" => ModelVersionStatus.PendingRegistration,
            "FAILED_REGISTRATION" => ModelVersionStatus.FailedRegistration,
            _ => ModelVersionStatus.Ready,
        };

    private static Dictionary<string, TValue> GetOrAdd<TKey, TValue>(
        Dictionary<TKey, Dictionary<string, TValue>> map,
        TKey key
    )
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var inner))
        {
            inner = new Dictionary<string, TValue>(StringComparer.Ordinal);
            map[key] = inner;
        }
        return inner;
    }

    private static void AppendInList(SqlBuilder sql, IEnumerable<string> values)
    {
        sql.Append('(');
        var first = true;
        foreach (var value in values)
        {
            sql.Append(first ? "" : ", ").AppendParameter(value);
            first = false;
        }
        sql.Append(')');
    }

    private static void AppendPairList(SqlBuilder sql, IEnumerable<ModelVersion> versions)
    {
        sql.Append("(VALUES ");
        var first = true;
        foreach (var version in versions)
        {
            sql.Append(first ? "(" : ", (")
                .AppendParameter(version.Name)
                .Append(", ")
                .AppendParameter(version.Version)
                .Append(')');
            first = false;
        }
        sql.Append(')');
    }
}
