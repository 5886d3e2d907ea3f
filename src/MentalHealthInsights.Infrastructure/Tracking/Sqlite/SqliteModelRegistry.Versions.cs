using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// Model versions: registration (the version counter), reads, description and tags.
public sealed partial class SqliteModelRegistry
{
    /// <inheritdoc />
    public Task<ModelVersion> CreateModelVersionAsync(
        NewModelVersion version,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(version);
        RegistryValidation.ValidateModelName(version.Name);
        RegistryValidation.ValidateTags(version.Tags);
        if (string.IsNullOrWhiteSpace(version.Source))
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                "A model version needs a source (the artifact URI of the model)."
            );
        }
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var now = _database.NowMs;
                long number;
                // The counter row is read and written under the write lock taken by BEGIN
                // IMMEDIATE: no other process can read the same value in between.
                await using (var next = connection.CreateCommand())
                {
                    next.Transaction = transaction;
                    next.CommandText = """
                        UPDATE registered_models
                        SET last_version = last_version + 1, last_updated_time = $now
                        WHERE name = $name
                        RETURNING last_version
                        """;
                    next.Parameters.AddWithValue("$name", version.Name);
                    next.Parameters.AddWithValue("$now", now);
                    number =
                        await next.ExecuteScalarAsync(cancellationToken) as long?
                        ?? throw ModelNotFound(version.Name);
                }
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO model_versions
                            (name, version, creation_time, last_updated_time, user_id, description, source, run_id, run_link, status, status_message)
                        VALUES ($name, $version, $now, $now, $user, $description, $source, $run, $link, 'READY', NULL)
                        """;
                    insert.Parameters.AddWithValue("$name", version.Name);
                    insert.Parameters.AddWithValue("$version", number);
                    insert.Parameters.AddWithValue("$now", now);
                    insert.Parameters.AddWithValue("$user", _userName);
                    insert.Parameters.AddWithValue("$description", version.Description ?? "");
                    insert.Parameters.AddWithValue("$source", version.Source);
                    insert.Parameters.AddWithValue("$run", (object?)version.RunId ?? DBNull.Value);
                    insert.Parameters.AddWithValue(
                        "$link",
                        (object?)version.RunLink ?? DBNull.Value
                    );
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                foreach (var (key, value) in version.Tags)
                {
                    await UpsertVersionTagAsync(
                        connection,
                        transaction,
                        version.Name,
                        number,
                        key,
                        value,
                        cancellationToken
                    );
                }
                return await RequireVersionAsync(
                    connection,
                    transaction,
                    version.Name,
                    (int)number,
                    cancellationToken
                );
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<ModelVersion> GetModelVersionAsync(
        string name,
        int version,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync(
            (connection, transaction) =>
                RequireVersionAsync(connection, transaction, name, version, cancellationToken),
            cancellationToken
        );

    /// <inheritdoc />
    public Task<ModelVersion> UpdateModelVersionAsync(
        string name,
        int version,
        string description,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(description);
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
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = """
                        UPDATE model_versions SET description = $description, last_updated_time = $now
                        WHERE name = $name AND version = $version
                        """;
                    command.Parameters.AddWithValue("$description", description);
                    command.Parameters.AddWithValue("$now", _database.NowMs);
                    command.Parameters.AddWithValue("$name", name);
                    command.Parameters.AddWithValue("$version", version);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                return await RequireVersionAsync(
                    connection,
                    transaction,
                    name,
                    version,
                    cancellationToken
                );
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task SetModelVersionTagAsync(
        string name,
        int version,
        string key,
        string value,
        CancellationToken cancellationToken = default
    )
    {
        RegistryValidation.ValidateTag(key, value);
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
                await UpsertVersionTagAsync(
                    connection,
                    transaction,
                    name,
                    version,
                    key,
                    value,
                    cancellationToken
                );
                return true;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task DeleteModelVersionTagAsync(
        string name,
        int version,
        string key,
        CancellationToken cancellationToken = default
    ) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                await RequireVersionAsync(
                    connection,
                    transaction,
                    name,
                    version,
                    cancellationToken
                );
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    "DELETE FROM model_version_tags WHERE name = $name AND version = $version AND key = $key";
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$version", version);
                command.Parameters.AddWithValue("$key", key);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    throw new TrackingException(
                        TrackingErrorCode.ResourceDoesNotExist,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"No tag with name: {key} on model version (name={name}, version={version})"
                        )
                    );
                }
                return true;
            },
            cancellationToken
        );

    private static async Task UpsertVersionTagAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        long version,
        string key,
        string value,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO model_version_tags (name, version, key, value) VALUES ($name, $version, $key, $value)
            ON CONFLICT (name, version, key) DO UPDATE SET value = excluded.value
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
