using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Search;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

// registered-models/search and model-versions/search.
public sealed partial class SqliteModelRegistry
{
    /// <inheritdoc />
    public Task<ResultPage<RegisteredModel>> SearchRegisteredModelsAsync(
        RegisteredModelSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        return SearchAsync(
            new SearchPage(
                $"SELECT {ModelColumns} FROM registered_models m WHERE 1 = 1",
                SearchableEntity.RegisteredModel,
                "m.name ASC",
                query.Filter,
                query.OrderBy,
                query.MaxResults,
                RegisteredModelSearchQuery.MaxAllowedResults,
                query.PageToken
            ),
            ReadModelsAsync,
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task<ResultPage<ModelVersion>> SearchModelVersionsAsync(
        ModelVersionSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        return SearchAsync(
            new SearchPage(
                $"SELECT {VersionColumns} FROM model_versions v WHERE 1 = 1",
                SearchableEntity.ModelVersion,
                "v.name ASC, v.version DESC",
                query.Filter,
                query.OrderBy,
                query.MaxResults,
                ModelVersionSearchQuery.MaxAllowedResults,
                query.PageToken
            ),
            ReadVersionsAsync,
            cancellationToken
        );
    }

    /// <summary>One search request: the select, what it searches, its default order and the page asked for.</summary>
    private sealed record SearchPage(
        string Select,
        SearchableEntity Entity,
        string DefaultOrder,
        string? Filter,
        IReadOnlyList<string> OrderBy,
        int MaxResults,
        int MaxAllowedResults,
        string? PageToken
    );

    /// <summary>
    /// Checks the page size and token, translates the filter and order (MLflow's search
    /// grammar) onto <paramref name="page"/>'s select, and reads one page in one snapshot.
    /// </summary>
    private Task<ResultPage<T>> SearchAsync<T>(
        SearchPage page,
        Func<
            SqliteConnection,
            SqliteTransaction,
            SqlBuilder,
            CancellationToken,
            Task<List<T>>
        > read,
        CancellationToken cancellationToken
    )
    {
        OffsetPageToken.ValidateMaxResults(page.MaxResults, page.MaxAllowedResults);
        var offset = OffsetPageToken.Decode(page.PageToken);
        var sql = new SqlBuilder().Append(page.Select);
        SqliteSearchTranslator.AppendFilter(
            sql,
            page.Entity,
            SearchFilterParser.ParseFilter(page.Filter)
        );
        SqliteSearchTranslator.AppendOrderBy(
            sql,
            page.Entity,
            SearchFilterParser.ParseOrderBy(page.OrderBy),
            page.DefaultOrder
        );
        SqliteTrackingStore.AppendPage(sql, page.MaxResults, offset);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var rows = await read(connection, transaction, sql, cancellationToken);
                var (items, token) = SqliteTrackingStore.TakePage(rows, page.MaxResults, offset);
                return new ResultPage<T>(items, token);
            },
            cancellationToken
        );
    }
}
