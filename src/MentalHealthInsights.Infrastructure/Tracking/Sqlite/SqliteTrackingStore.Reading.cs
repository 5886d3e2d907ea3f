using System.Globalization;
using MentalHealthInsights.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// Row mapping and the batched loading of what belongs to runs and experiments.
public sealed partial class SqliteTrackingStore
{
    // SQLite's default limit on host parameters is 32766; stay far below it.
    private const int InListChunk = 500;

    private const string RunColumns =
        "r.run_id, r.experiment_id, r.run_name, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

    private static async Task<List<Experiment>> ReadExperimentRowsAsync(
        SqliteCommand command,
        CancellationToken cancellationToken
    )
    {
        var experiments = new List<Experiment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            experiments.Add(
                new Experiment
                {
                    ExperimentId = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                    Name = reader.GetString(1),
                    ArtifactLocation = reader.GetString(2),
                    LifecycleStage = TrackingEnumNames.ParseLifecycleStage(reader.GetString(3)),
                    CreationTimeMs = reader.GetInt64(4),
                    LastUpdateTimeMs = reader.GetInt64(5),
                }
            );
        }
        return experiments;
    }

    private static async Task<List<Experiment>> AttachExperimentTagsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        List<Experiment> experiments,
        CancellationToken cancellationToken
    )
    {
        var tags = await LoadPairsAsync(
            connection,
            transaction,
            "SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN ",
            experiments
                .Select(e => (object)long.Parse(e.ExperimentId, CultureInfo.InvariantCulture))
                .ToList(),
            reader => reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
            cancellationToken
        );
        return
        [
            .. experiments.Select(e =>
                tags.TryGetValue(e.ExperimentId, out var found) ? e with { Tags = found } : e
            ),
        ];
    }

    private static RunInfo ReadRunInfo(SqliteDataReader reader) =>
        new()
        {
            RunId = reader.GetString(0),
            ExperimentId = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
            RunName = reader.GetString(2),
            UserId = reader.GetString(3),
            Status = TrackingEnumNames.TryParseRunStatus(reader.GetString(4), out var status)
                ? status
                : RunStatus.Running,
            StartTimeMs = reader.GetInt64(5),
            EndTimeMs = reader.IsDBNull(6) ? null : reader.GetInt64(6),
            ArtifactUri = reader.GetString(7),
            LifecycleStage = TrackingEnumNames.ParseLifecycleStage(reader.GetString(8)),
        };

    private static async Task<RunInfo?> FindRunInfoAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string runId,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {RunColumns} FROM runs r WHERE r.run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRunInfo(reader) : null;
    }

    /// <summary>Params, tags and latest metrics for the runs, in the order given.</summary>
    private static async Task<List<Run>> LoadRunsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<RunInfo> infos,
        CancellationToken cancellationToken
    )
    {
        var ids = infos.Select(i => (object)i.RunId).ToList();
        var parameters = await LoadPairsAsync(
            connection,
            transaction,
            "SELECT run_id, key, value FROM params WHERE run_id IN ",
            ids,
            reader => reader.GetString(0),
            cancellationToken
        );
        var tags = await LoadPairsAsync(
            connection,
            transaction,
            "SELECT run_id, key, value FROM tags WHERE run_id IN ",
            ids,
            reader => reader.GetString(0),
            cancellationToken
        );
        var metrics = new Dictionary<string, Dictionary<string, Metric>>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(InListChunk))
        {
            var sql = new SqlBuilder().Append(
                "SELECT run_id, key, value, is_nan, timestamp, step FROM latest_metrics WHERE run_id IN "
            );
            AppendInList(sql, chunk);
            await using var command = sql.ToCommand(connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var runId = reader.GetString(0);
                if (!metrics.TryGetValue(runId, out var byKey))
                {
                    byKey = new Dictionary<string, Metric>(StringComparer.Ordinal);
                    metrics[runId] = byKey;
                }
                var metric = ReadMetric(reader, 1);
                byKey[metric.Key] = metric;
            }
        }
        var empty = new Dictionary<string, string>(StringComparer.Ordinal);
        return
        [
            .. infos.Select(info => new Run(
                info,
                new RunData
                {
                    Params = parameters.GetValueOrDefault(info.RunId, empty),
                    Tags = tags.GetValueOrDefault(info.RunId, empty),
                    Metrics = metrics.TryGetValue(info.RunId, out var found)
                        ? found
                        : new Dictionary<string, Metric>(StringComparer.Ordinal),
                }
            )),
        ];
    }

    /// <summary>Reads (key, value, is_nan, timestamp, step) starting at <paramref name="first"/>.</summary>
    private static Metric ReadMetric(SqliteDataReader reader, int first) =>
        new(
            reader.GetString(first),
            reader.GetInt64(first + 2) != 0 ? double.NaN : reader.GetDouble(first + 1),
            reader.GetInt64(first + 3),
            reader.GetInt64(first + 4)
        );

    /// <summary>Runs "<paramref name="selectPrefix"/> (ids…)" selecting (owner, key, value) and groups by owner.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> LoadPairsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string selectPrefix,
        IReadOnlyList<object> ownerIds,
        Func<SqliteDataReader, string> readOwner,
        CancellationToken cancellationToken
    )
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in ownerIds.Chunk(InListChunk))
        {
            var sql = new SqlBuilder().Append(selectPrefix);
            AppendInList(sql, chunk);
            await using var command = sql.ToCommand(connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var owner = readOwner(reader);
                if (!result.TryGetValue(owner, out var pairs))
                {
                    pairs = new Dictionary<string, string>(StringComparer.Ordinal);
                    result[owner] = pairs;
                }
                pairs[reader.GetString(1)] = reader.GetString(2);
            }
        }
        return result;
    }

    private static void AppendInList(SqlBuilder sql, IEnumerable<object> values)
    {
        sql.Append("(");
        var first = true;
        foreach (var value in values)
        {
            sql.Append(first ? "" : ", ").AppendParameter(value);
            first = false;
        }
        sql.Append(")");
    }
}
