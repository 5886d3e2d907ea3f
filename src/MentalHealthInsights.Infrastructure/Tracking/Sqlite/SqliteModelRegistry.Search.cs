using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Search;

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
        OffsetPageToken.ValidateMaxResults(
            query.MaxResults,
            RegisteredModelSearchQuery.MaxAllowedResults
        );
        var offset = OffsetPageToken.Decode(query.PageToken);
        var sql = new SqlBuilder().Append(
            $"SELECT {ModelColumns} FROM registered_models m WHERE 1 = 1"
        );
        SqliteSearchTranslator.AppendFilter(
            sql,
            SearchableEntity.RegisteredModel,
            SearchFilterParser.ParseFilter(query.Filter)
        );
        SqliteSearchTranslator.AppendOrderBy(
            sql,
            SearchableEntity.RegisteredModel,
            SearchFilterParser.ParseOrderBy(query.OrderBy),
            "m.name ASC"
        );
        SqliteTrackingStore.AppendPage(sql, query.MaxResults, offset);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var rows = await ReadModelsAsync(connection, transaction, sql, cancellationToken);
                var (page, token) = SqliteTrackingStore.TakePage(rows, query.MaxResults, offset);
                return new ResultPage<RegisteredModel>(page, token);
            },
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
        OffsetPageToken.ValidateMaxResults(
            query.MaxResults,
            ModelVersionSearchQuery.MaxAllowedResults
        );
        var offset = OffsetPageToken.Decode(query.PageToken);
        var sql = new SqlBuilder().Append(
            $"SELECT {VersionColumns} FROM model_versions v WHERE 1 = 1"
        );
        SqliteSearchTranslator.AppendFilter(
            sql,
            SearchableEntity.ModelVersion,
            SearchFilterParser.ParseFilter(query.Filter)
        );
        SqliteSearchTranslator.AppendOrderBy(
            sql,
            SearchableEntity.ModelVersion,
            SearchFilterParser.ParseOrderBy(query.OrderBy),
            "v.name ASC, v.version DESC"
        );
        SqliteTrackingStore.AppendPage(sql, query.MaxResults, offset);
        return _database.ReadAsync(
            async (connection, transaction) =>
            {
                var rows = await ReadVersionsAsync(connection, transaction, sql, cancellationToken);
                var (page, token) = SqliteTrackingStore.TakePage(rows, query.MaxResults, offset);
                return new ResultPage<ModelVersion>(page, token);
            },
            cancellationToken
        );
    }
}
