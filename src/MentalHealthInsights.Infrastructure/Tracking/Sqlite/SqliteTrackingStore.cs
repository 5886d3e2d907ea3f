using System.Globalization;
using MentalHealthInsights.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// The local tracking store: MLflow's entity model in one SQLite file (default <c>./mlruns.db</c>,
/// shared with <see cref="SqliteModelRegistry"/>), safe for several processes at once (WAL,
/// <c>busy_timeout</c>, IMMEDIATE write transactions). The schema is created on first use.
/// Artifacts are not stored here: runs only carry their artifact URI (see
/// <c>LocalArtifactStore</c>).
/// </summary>
public sealed partial class SqliteTrackingStore : ITrackingStore
{
    private readonly SqliteTrackingDatabase _database;

    /// <summary>Creates a store on <paramref name="databasePath"/> with default options.</summary>
    public SqliteTrackingStore(string databasePath, TimeProvider timeProvider)
        : this(new SqliteTrackingOptions { DatabasePath = databasePath }, timeProvider) { }

    /// <summary>Creates a store with <paramref name="options"/>.</summary>
    public SqliteTrackingStore(SqliteTrackingOptions options, TimeProvider timeProvider)
    {
        _database = new SqliteTrackingDatabase(options, timeProvider);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _database.DatabasePath;

    /// <summary>The artifact root URI under which new experiments get their location.</summary>
    public string DefaultArtifactRoot => _database.DefaultArtifactRoot;

    /// <inheritdoc />
    public Task<string> CreateExperimentAsync(
        string name,
        string? artifactLocation = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        TrackingValidation.ValidateExperimentName(name);
        TrackingValidation.ValidateExperimentTags(tags);
        if (artifactLocation is not null && string.IsNullOrWhiteSpace(artifactLocation))
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                "Artifact location must not be blank; pass null for the default."
            );
        }
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                if (
                    await FindExperimentIdAsync(connection, transaction, name, cancellationToken)
                    is not null
                )
                {
                    throw new TrackingException(
                        TrackingErrorCode.ResourceAlreadyExists,
                        $"Experiment(name={name}) already exists."
                    );
                }
                var now = _database.NowMs;
                long id;
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
                        VALUES ($name, '', 'active', $now, $now)
                        RETURNING experiment_id
                        """;
                    insert.Parameters.AddWithValue("$name", name);
                    insert.Parameters.AddWithValue("$now", now);
                    id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                }
                var experimentId = id.ToString(CultureInfo.InvariantCulture);
                await using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText =
                        "UPDATE experiments SET artifact_location = $location WHERE experiment_id = $id";
                    update.Parameters.AddWithValue(
                        "$location",
                        artifactLocation?.TrimEnd('/')
                            ?? $"{_database.DefaultArtifactRoot}/{experimentId}"
                    );
                    update.Parameters.AddWithValue("$id", id);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }
                foreach (var (key, value) in tags ?? new Dictionary<string, string>())
                {
                    await using var tag = connection.CreateCommand();
                    tag.Transaction = transaction;
                    tag.CommandText =
                        "INSERT INTO experiment_tags (experiment_id, key, value) VALUES ($id, $key, $value)";
                    tag.Parameters.AddWithValue("$id", id);
                    tag.Parameters.AddWithValue("$key", key);
                    tag.Parameters.AddWithValue("$value", value);
                    await tag.ExecuteNonQueryAsync(cancellationToken);
                }
                return experimentId;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<Experiment> GetExperimentAsync(
        string experimentId,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync(
            async (connection, transaction) =>
                (
                    await LoadExperimentsAsync(
                        connection,
                        transaction,
                        "e.experiment_id = $key",
                        ParseExperimentId(experimentId) ?? -1,
                        cancellationToken
                    )
                ).SingleOrDefault() ?? throw ExperimentNotFound(experimentId),
            cancellationToken
        );

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentByNameAsync(
        string name,
        CancellationToken cancellationToken = default
    ) =>
        _database.ReadAsync(
            async (connection, transaction) =>
                (
                    await LoadExperimentsAsync(
                        connection,
                        transaction,
                        "e.name = $key",
                        name,
                        cancellationToken
                    )
                ).SingleOrDefault(),
            cancellationToken
        );

    private static async Task<long?> FindExperimentIdAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string name,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT experiment_id FROM experiments WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    private static async Task<List<Experiment>> LoadExperimentsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string condition,
        object key,
        CancellationToken cancellationToken
    )
    {
        var sql = new SqlBuilder().Append(
            "SELECT e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, e.last_update_time FROM experiments e WHERE "
        );
        sql.Append(condition);
        await using var command = sql.ToCommand(connection, transaction);
        command.Parameters.AddWithValue("$key", key);
        var rows = await ReadExperimentRowsAsync(command, cancellationToken);
        return await AttachExperimentTagsAsync(connection, transaction, rows, cancellationToken);
    }

    private static long? ParseExperimentId(string? experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private static TrackingException ExperimentNotFound(string experimentId) =>
        new(TrackingErrorCode.ResourceDoesNotExist, $"No Experiment with id={experimentId} exists");
}
