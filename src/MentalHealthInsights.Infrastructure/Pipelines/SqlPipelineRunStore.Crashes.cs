using System.Data.Common;

namespace MentalHealthInsights.Infrastructure.Pipelines;

/// <summary>Marking runs Crashed: abandoned ones (stale heartbeat) and one taken over by recovery.</summary>
public sealed partial class SqlPipelineRunStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> MarkAbandonedAsync(
        DateTimeOffset staleBefore,
        DateTimeOffset now,
        string reason,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var candidates = new List<string>();
        await using (
            var select = Command(
                connection,
                transaction,
                $"""
                SELECT id FROM mhi_pipeline_runs
                WHERE state IN {Unfinished} AND heartbeat_at < @stale ORDER BY id;
                """
            )
        )
        {
            Add(select, "@stale", staleBefore.UtcTicks);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(reader.GetString(0));
            }
        }
        var marked = new List<string>();
        foreach (var id in candidates)
        {
            // The state and heartbeat are checked again: another process may have marked it, or
            // the owner may have heartbeated, since the SELECT (READ COMMITTED on PostgreSQL).
            if (
                await CrashAsync(
                    connection,
                    transaction,
                    id,
                    now,
                    reason,
                    staleBefore,
                    cancellationToken
                )
            )
            {
                marked.Add(id);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return marked;
    }

    /// <inheritdoc />
    public async Task<bool> MarkCrashedAsync(
        string runId,
        DateTimeOffset now,
        string reason,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await CrashAsync(
            connection,
            transaction,
            runId,
            now,
            reason,
            null,
            cancellationToken
        );
        await transaction.CommitAsync(cancellationToken);
        return marked;
    }

    /// <summary>
    /// Marks the run Crashed and its open steps Failed inside <paramref name="transaction"/> when
    /// it is unfinished (and, given <paramref name="staleBefore"/>, still stale); false otherwise.
    /// </summary>
    private static async Task<bool> CrashAsync(
        DbConnection connection,
        DbTransaction transaction,
        string id,
        DateTimeOffset now,
        string reason,
        DateTimeOffset? staleBefore,
        CancellationToken cancellationToken
    )
    {
        await using var update = Command(
            connection,
            transaction,
            staleBefore is null
                ? $"""
                UPDATE mhi_pipeline_runs SET state = 'Crashed', ended_at = @now, error = @reason
                WHERE id = @id AND state IN {Unfinished};
                """
                : $"""
                UPDATE mhi_pipeline_runs SET state = 'Crashed', ended_at = @now, error = @reason
                WHERE id = @id AND state IN {Unfinished} AND heartbeat_at < @stale;
                """
        );
        Add(update, "@id", id);
        Add(update, "@now", now.UtcTicks);
        Add(update, "@reason", reason);
        if (staleBefore is { } stale)
        {
            Add(update, "@stale", stale.UtcTicks);
        }
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await using var steps = Command(
            connection,
            transaction,
            """
            UPDATE mhi_pipeline_steps SET state = 'Failed', ended_at = @now, error = @reason
            WHERE run_id = @id AND state IN ('Pending', 'Running', 'Retrying');
            """
        );
        Add(steps, "@id", id);
        Add(steps, "@now", now.UtcTicks);
        Add(steps, "@reason", reason);
        await steps.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
