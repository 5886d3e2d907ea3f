using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Search;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// Turns parsed search clauses (<see cref="SearchFilterParser"/>) into SQL conditions and order
/// terms. LIKE is case-sensitive as in MLflow (SQLite's LIKE is not, so it becomes GLOB);
/// ILIKE compares lower-cased text. A metric comparison ignores NaN values; missing metric,
/// param or tag values sort last in either direction.
/// </summary>
internal static class SqliteSearchTranslator
{
    /// <summary>Appends <c> AND condition</c> per clause.</summary>
    public static void AppendFilter(
        SqlBuilder sql,
        SearchableEntity entity,
        IReadOnlyList<SearchFilterClause> clauses
    )
    {
        foreach (var clause in clauses)
        {
            sql.Append(" AND ");
            switch (clause.KeyType)
            {
                case SearchKeyType.Attribute:
                    var column = Attribute(entity, clause.Key);
                    if (column.IsNumeric)
                    {
                        AppendNumber(sql, column.Sql, clause);
                    }
                    else
                    {
                        AppendString(sql, column.Sql, clause);
                    }
                    break;
                case SearchKeyType.Metric:
                    sql.Append("EXISTS (SELECT 1 ")
                        .Append(Source(entity.MetricSource, entity, "metrics"))
                        .Append(" AND x.key = ")
                        .AppendParameter(clause.Key)
                        .Append(" AND x.is_nan = 0 AND ");
                    AppendNumber(sql, "x.value", clause);
                    sql.Append(')');
                    break;
                case SearchKeyType.Param:
                case SearchKeyType.Tag:
                    var source =
                        clause.KeyType == SearchKeyType.Tag
                            ? entity.TagSource
                            : Source(entity.ParamSource, entity, "params");
                    sql.Append("EXISTS (SELECT 1 ")
                        .Append(source)
                        .Append(" AND x.key = ")
                        .AppendParameter(clause.Key)
                        .Append(" AND ");
                    AppendString(sql, "x.value", clause);
                    sql.Append(')');
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(clauses));
            }
        }
    }

    /// <summary>
    /// Appends <c> ORDER BY</c> with the clauses, then <paramref name="tieBreakers"/> (constant SQL,
    /// e.g. <c>r.start_time DESC, r.run_id ASC</c>) so pages are stable.
    /// </summary>
    public static void AppendOrderBy(
        SqlBuilder sql,
        SearchableEntity entity,
        IReadOnlyList<SearchOrderClause> clauses,
        string tieBreakers
    )
    {
        sql.Append(" ORDER BY ");
        foreach (var clause in clauses)
        {
            var direction = clause.Ascending ? " ASC, " : " DESC, ";
            string expression;
            if (clause.KeyType == SearchKeyType.Attribute)
            {
                expression = Attribute(entity, clause.Key).Sql;
            }
            else
            {
                var key = sql.Parameter(clause.Key);
                expression = clause.KeyType switch
                {
                    SearchKeyType.Metric =>
                        $"(SELECT CASE WHEN x.is_nan = 1 THEN NULL ELSE x.value END {Source(entity.MetricSource, entity, "metrics")} AND x.key = {key})",
                    SearchKeyType.Param =>
                        $"(SELECT x.value {Source(entity.ParamSource, entity, "params")} AND x.key = {key})",
                    _ => $"(SELECT x.value {entity.TagSource} AND x.key = {key})",
                };
            }
            sql.Append(expression).Append(" IS NULL, ").Append(expression).Append(direction);
        }
        sql.Append(tieBreakers);
    }

    /// <summary>MLflow's LIKE pattern as a SQLite GLOB pattern (case-sensitive).</summary>
    internal static string LikeToGlob(string pattern)
    {
        var glob = new StringBuilder(pattern.Length + 8);
        foreach (var c in pattern)
        {
            glob.Append(
                c switch
                {
                    '%' => "*",
                    '_' => "?",
                    '*' => "[*]",
                    '?' => "[?]",
                    '[' => "[[]",
                    _ => c.ToString(),
                }
            );
        }
        return glob.ToString();
    }

    private static void AppendString(SqlBuilder sql, string column, SearchFilterClause clause)
    {
        switch (clause.Comparator)
        {
            case SearchComparator.Equal:
                sql.Append(column).Append(" = ").AppendParameter(clause.Value);
                break;
            case SearchComparator.NotEqual:
                sql.Append(column).Append(" != ").AppendParameter(clause.Value);
                break;
            case SearchComparator.Like:
                sql.Append(column).Append(" GLOB ").AppendParameter(LikeToGlob(clause.Value));
                break;
            case SearchComparator.ILike:
                sql.Append("lower(")
                    .Append(column)
                    .Append(") LIKE lower(")
                    .AppendParameter(clause.Value)
                    .Append(')');
                break;
            default:
                throw Invalid(
                    $"'{clause.Key}' is compared as text and supports only =, !=, LIKE and ILIKE"
                );
        }
    }

    private static void AppendNumber(SqlBuilder sql, string column, SearchFilterClause clause)
    {
        var number = clause.Number;
        if (
            number is null
            && double.TryParse(
                clause.Value,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var parsed
            )
        )
        {
            number = parsed;
        }
        if (number is null)
        {
            throw Invalid($"'{clause.Key}' must be compared with a number");
        }
        var op = clause.Comparator switch
        {
            SearchComparator.Equal => " = ",
            SearchComparator.NotEqual => " != ",
            SearchComparator.Greater => " > ",
            SearchComparator.GreaterOrEqual => " >= ",
            SearchComparator.Less => " < ",
            SearchComparator.LessOrEqual => " <= ",
            _ => throw Invalid($"'{clause.Key}' is a number and supports only = != > >= < <="),
        };
        sql.Append(column).Append(op).AppendParameter(number.Value);
    }

    private static SearchableColumn Attribute(SearchableEntity entity, string key) =>
        entity.Attributes.TryGetValue(key, out var column)
            ? column
            : throw Invalid(
                $"invalid {entity.Name} attribute '{key}'; valid attributes are {string.Join(", ", entity.Attributes.Keys)}"
            );

    private static string Source(string? source, SearchableEntity entity, string what) =>
        source ?? throw Invalid($"{entity.Name}s have no {what} to search");

    private static TrackingException Invalid(string reason) =>
        new(TrackingErrorCode.InvalidParameterValue, $"Invalid search: {reason}.");
}
