using MentalHealthInsights.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// Run lifecycle: create, read, update, delete/restore, tags.
public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var tag in run.Tags)
        {
            TrackingValidation.ValidateTag(tag);
        }
        var tagged = run.Tags.LastOrDefault(t => t.Key == MlflowTagKeys.RunName)?.Value;
        if (run.RunName is not null && tagged is not null && run.RunName != tagged)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"Both 'run_name' ('{run.RunName}') and tag '{MlflowTagKeys.RunName}' ('{tagged}') are given, with different values."
            );
        }
        var runName = run.RunName ?? tagged ?? RunNameGenerator.Generate();
        TrackingValidation.ValidateTag(new RunTag(MlflowTagKeys.RunName, runName));
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var experiment =
                    (
                        await LoadExperimentsAsync(
                            connection,
                            transaction,
                            "e.experiment_id = $key",
                            ParseExperimentId(run.ExperimentId) ?? -1,
                            cancellationToken
                        )
                    ).SingleOrDefault() ?? throw ExperimentNotFound(run.ExperimentId);
                if (experiment.LifecycleStage != LifecycleStage.Active)
                {
                    throw new TrackingException(
                        TrackingErrorCode.InvalidParameterValue,
                        $"The experiment {run.ExperimentId} must be in the 'active' state. Current state is deleted."
                    );
                }
                var runId = RunIds.NewRunId();
                var info = new RunInfo
                {
                    RunId = runId,
                    ExperimentId = experiment.ExperimentId,
                    RunName = runName,
                    UserId = run.UserId,
                    Status = RunStatus.Running,
                    StartTimeMs = run.StartTimeMs ?? _database.NowMs,
                    ArtifactUri = $"{experiment.ArtifactLocation.TrimEnd('/')}/{runId}/artifacts",
                };
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO runs (run_id, experiment_id, run_name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage)
                        VALUES ($id, $experiment, $name, $user, $status, $start, NULL, $uri, 'active')
                        """;
                    insert.Parameters.AddWithValue("$id", info.RunId);
                    insert.Parameters.AddWithValue(
                        "$experiment",
                        ParseExperimentId(info.ExperimentId)
                    );
                    insert.Parameters.AddWithValue("$name", info.RunName);
                    insert.Parameters.AddWithValue("$user", info.UserId);
                    insert.Parameters.AddWithValue("$status", info.Status.ToMlflowName());
                    insert.Parameters.AddWithValue("$start", info.StartTimeMs);
                    insert.Parameters.AddWithValue("$uri", info.ArtifactUri);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in run.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }
                tags[MlflowTagKeys.RunName] = runName;
                await UpsertTagsAsync(connection, transaction, info.RunId, tags, cancellationToken);
                return (await LoadRunsAsync(connection, transaction, [info], cancellationToken))[0];
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async (connection, transaction) =>
            {
                var info = await RequireRunAsync(connection, transaction, runId, cancellationToken);
                return (await LoadRunsAsync(connection, transaction, [info], cancellationToken))[0];
            },
            cancellationToken
        );

    /// <inheritdoc />
    public Task<RunInfo> UpdateRunAsync(
        string runId,
        RunStatus? status = null,
        long? endTimeMs = null,
        string? runName = null,
        CancellationToken cancellationToken = default
    )
    {
        if (runName is not null)
        {
            TrackingValidation.ValidateTag(new RunTag(MlflowTagKeys.RunName, runName));
        }
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var info = await RequireActiveRunAsync(
                    connection,
                    transaction,
                    runId,
                    cancellationToken
                );
                var updated = info with
                {
                    Status = status ?? info.Status,
                    EndTimeMs = endTimeMs ?? info.EndTimeMs,
                    RunName = runName ?? info.RunName,
                };
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText =
                        "UPDATE runs SET status = $status, end_time = $end, run_name = $name WHERE run_id = $id";
                    command.Parameters.AddWithValue("$status", updated.Status.ToMlflowName());
                    command.Parameters.AddWithValue(
                        "$end",
                        (object?)updated.EndTimeMs ?? DBNull.Value
                    );
                    command.Parameters.AddWithValue("$name", updated.RunName);
                    command.Parameters.AddWithValue("$id", runId);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                if (runName is not null)
                {
                    await UpsertTagsAsync(
                        connection,
                        transaction,
                        runId,
                        new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            [MlflowTagKeys.RunName] = runName,
                        },
                        cancellationToken
                    );
                }
                return updated;
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SetLifecycleAsync(runId, LifecycleStage.Deleted, cancellationToken);

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SetLifecycleAsync(runId, LifecycleStage.Active, cancellationToken);

    /// <inheritdoc />
    public Task SetTagAsync(
        string runId,
        string key,
        string value,
        CancellationToken cancellationToken = default
    ) => LogBatchAsync(runId, null, null, [new RunTag(key, value)], cancellationToken);

    /// <inheritdoc />
    public Task DeleteTagAsync(
        string runId,
        string key,
        CancellationToken cancellationToken = default
    ) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                await RequireActiveRunAsync(connection, transaction, runId, cancellationToken);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM tags WHERE run_id = $id AND key = $key";
                command.Parameters.AddWithValue("$id", runId);
                command.Parameters.AddWithValue("$key", key);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    throw new TrackingException(
                        TrackingErrorCode.ResourceDoesNotExist,
                        $"No tag with name: {key} in run with id {runId}"
                    );
                }
                return true;
            },
            cancellationToken
        );

    private Task<bool> SetLifecycleAsync(
        string runId,
        LifecycleStage stage,
        CancellationToken cancellationToken
    ) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                await RequireRunAsync(connection, transaction, runId, cancellationToken);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    "UPDATE runs SET lifecycle_stage = $stage, deleted_time = $deleted WHERE run_id = $id";
                command.Parameters.AddWithValue("$stage", stage.ToMlflowName());
                command.Parameters.AddWithValue(
                    "$deleted",
                    stage == LifecycleStage.Deleted ? _database.NowMs : DBNull.Value
                );
                command.Parameters.AddWithValue("$id", runId);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken
        );

    private static async Task<RunInfo> RequireRunAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string runId,
        CancellationToken cancellationToken
    ) =>
        await FindRunInfoAsync(connection, transaction, runId, cancellationToken)
        ?? throw new TrackingException(
            TrackingErrorCode.ResourceDoesNotExist,
            $"Run with id={runId} not found"
        );

    private static async Task<RunInfo> RequireActiveRunAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string runId,
        CancellationToken cancellationToken
    )
    {
        var info = await RequireRunAsync(connection, transaction, runId, cancellationToken);
        if (info.LifecycleStage != LifecycleStage.Active)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"The run {runId} must be in the 'active' state. Current state is deleted."
            );
        }
        return info;
    }

    // A tag mlflow.runName renames the run too, as MLflow's store does.
    private static async Task UpsertTagsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string runId,
        Dictionary<string, string> tags,
        CancellationToken cancellationToken
    )
    {
        if (tags.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO tags (run_id, key, value) VALUES ($id, $key, $value)
            ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value
            """;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Text);
        command.Parameters.AddWithValue("$id", runId);
        foreach (var (tagKey, tagValue) in tags)
        {
            key.Value = tagKey;
            value.Value = tagValue;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (tags.TryGetValue(MlflowTagKeys.RunName, out var runName))
        {
            await using var rename = connection.CreateCommand();
            rename.Transaction = transaction;
            rename.CommandText = "UPDATE runs SET run_name = $name WHERE run_id = $id";
            rename.Parameters.AddWithValue("$name", runName);
            rename.Parameters.AddWithValue("$id", runId);
            await rename.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
