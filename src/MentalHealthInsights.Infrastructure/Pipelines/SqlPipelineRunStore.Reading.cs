using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines;

public sealed partial class SqlPipelineRunStore
{
    private const string RunColumns =
        "id, pipeline, parameters, trigger_kind, state, owner_id, created_at, started_at, ended_at, heartbeat_at, error, cancel_requested";

    /// <inheritdoc />
    public async Task<PipelineRunRecord?> GetRunAsync(
        string runId,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            $"SELECT {RunColumns} FROM mhi_pipeline_runs WHERE id = @id;"
        );
        Add(command, "@id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRun(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PipelineRunRecord>> ListRunsAsync(
        int limit,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            $"SELECT {RunColumns} FROM mhi_pipeline_runs ORDER BY created_at DESC, id DESC LIMIT @limit;"
        );
        Add(command, "@limit", (long)Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<PipelineRunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }
        return runs;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StepRunRecord>> GetStepsAsync(
        string runId,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            """
            SELECT run_id, step_index, name, state, attempts, started_at, ended_at, error,
                cache_key, outputs, links, message
            FROM mhi_pipeline_steps WHERE run_id = @id ORDER BY step_index;
            """
        );
        Add(command, "@id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<StepRunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(
                new StepRunRecord(
                    reader.GetString(0),
                    (int)Long(reader, 1)!.Value,
                    reader.GetString(2),
                    Enum.Parse<StepRunState>(reader.GetString(3)),
                    (int)Long(reader, 4)!.Value,
                    Time(reader, 5),
                    Time(reader, 6),
                    Text(reader, 7),
                    Text(reader, 8),
                    Values(reader.GetString(9)),
                    Links(reader.GetString(10)),
                    Text(reader, 11)
                )
            );
        }
        return steps;
    }

    /// <inheritdoc />
    public async Task<CachedStepResult?> GetCachedAsync(
        string cacheKey,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            "SELECT cache_key, step, run_id, created_at, outputs, links FROM mhi_pipeline_cache WHERE cache_key = @key;"
        );
        Add(command, "@key", cacheKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new CachedStepResult(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Time(reader, 3)!.Value,
            Values(reader.GetString(4)),
            Links(reader.GetString(5))
        );
    }

    private static PipelineRunRecord ReadRun(DbDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            Values(reader.GetString(2)),
            Enum.Parse<PipelineTrigger>(reader.GetString(3)),
            Enum.Parse<PipelineRunState>(reader.GetString(4)),
            reader.GetString(5),
            Time(reader, 6)!.Value,
            Time(reader, 7),
            Time(reader, 8),
            Time(reader, 9)!.Value,
            Text(reader, 10),
            Long(reader, 11) == 1
        );

    private static long? Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        Long(reader, ordinal) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static string? Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static SortedDictionary<string, string> Values(string json) =>
        new(
            JsonSerializer.Deserialize(
                json,
                PipelineStoreJsonContext.Default.DictionaryStringString
            ) ?? [],
            StringComparer.Ordinal
        );

    private static List<PipelineLink> Links(string json) =>
        JsonSerializer.Deserialize(json, PipelineStoreJsonContext.Default.ListPipelineLink) ?? [];
}
