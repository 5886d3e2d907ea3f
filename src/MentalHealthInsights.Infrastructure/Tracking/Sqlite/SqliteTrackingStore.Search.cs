using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Search;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// runs/search and experiments/search.
public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public Task<ResultPage<Run>> SearchRunsAsync(
        RunSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        OffsetPageToken.ValidateMaxResults(query.MaxResults, RunSearchQuery.MaxAllowedResults);
        if (query.ExperimentIds is not { Count: > 0 })
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                "A run search needs at least one experiment id."
            );
        }
        var offset = OffsetPageToken.Decode(query.PageToken);
        var filter = SearchFilterParser.ParseFilter(query.Filter);
        var order = SearchFilterParser.ParseOrderBy(query.OrderBy);

        var sql = new SqlBuilder().Append(
            $"SELECT {RunColumns} FROM runs r WHERE r.experiment_id IN "
        );
        // Ids that are not numbers cannot exist here; they match nothing, as an unknown id would.
        AppendInList(
            sql,
            [.. query.ExperimentIds.Select(id => (object?)ParseExperimentId(id) ?? -1L)]
        );
        AppendLifecycle(sql, "r", query.ViewType);
        SqliteSearchTranslator.AppendFilter(sql, SearchableEntity.Run, filter);
        SqliteSearchTranslator.AppendOrderBy(
            sql,
            SearchableEntity.Run,
            order,
            "r.start_time DESC, r.run_id ASC"
        );
        AppendPage(sql, query.MaxResults, offset);

        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var infos = new List<RunInfo>();
                await using (var command = sql.ToCommand(connection, transaction))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        infos.Add(ReadRunInfo(reader));
                    }
                }
                var (page, token) = TakePage(infos, query.MaxResults, offset);
                var runs = await LoadRunsAsync(connection, transaction, page, cancellationToken);
                return new ResultPage<Run>(runs, token);
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<ResultPage<Experiment>> SearchExperimentsAsync(
        ExperimentSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        OffsetPageToken.ValidateMaxResults(
            query.MaxResults,
            ExperimentSearchQuery.MaxAllowedResults
        );
        var offset = OffsetPageToken.Decode(query.PageToken);
        var filter = SearchFilterParser.ParseFilter(query.Filter);
        var order = SearchFilterParser.ParseOrderBy(query.OrderBy);

        var sql = new SqlBuilder().Append(
            "SELECT e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, e.last_update_time FROM experiments e WHERE 1 = 1"
        );
        AppendLifecycle(sql, "e", query.ViewType);
        SqliteSearchTranslator.AppendFilter(sql, SearchableEntity.Experiment, filter);
        SqliteSearchTranslator.AppendOrderBy(
            sql,
            SearchableEntity.Experiment,
            order,
            "e.creation_time DESC, e.experiment_id ASC"
        );
        AppendPage(sql, query.MaxResults, offset);

        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                List<Experiment> rows;
                await using (var command = sql.ToCommand(connection, transaction))
                {
                    rows = await ReadExperimentRowsAsync(command, cancellationToken);
                }
                var (page, token) = TakePage(rows, query.MaxResults, offset);
                var experiments = await AttachExperimentTagsAsync(
                    connection,
                    transaction,
                    [.. page],
                    cancellationToken
                );
                return new ResultPage<Experiment>(experiments, token);
            },
            cancellationToken
        );
    }

    private static void AppendLifecycle(SqlBuilder sql, string alias, ViewType viewType)
    {
        switch (viewType)
        {
            case ViewType.ActiveOnly:
                sql.Append($" AND {alias}.lifecycle_stage = 'active'");
                break;
            case ViewType.DeletedOnly:
                sql.Append($" AND {alias}.lifecycle_stage = 'deleted'");
                break;
            default:
                break;
        }
    }

    // One row more than the page tells whether a next page exists (so a full last page has no token).
    internal static void AppendPage(SqlBuilder sql, int maxResults, int offset) =>
        sql.Append(" LIMIT ")
            .AppendParameter((long)maxResults + 1)
            .Append(" OFFSET ")
            .AppendParameter((long)offset);

    internal static (IReadOnlyList<T> Page, string? Token) TakePage<T>(
        List<T> rows,
        int maxResults,
        int offset
    ) =>
        rows.Count > maxResults
            ? (rows.GetRange(0, maxResults), OffsetPageToken.Encode(offset + maxResults))
            : (rows, null);
}
