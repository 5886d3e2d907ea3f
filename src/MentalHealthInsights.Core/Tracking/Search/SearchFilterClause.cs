namespace MentalHealthInsights.Core.Tracking.Search;

/// <summary>One <c>identifier comparator value</c> clause of a search filter.</summary>
/// <param name="KeyType">What the identifier refers to.</param>
/// <param name="Key">The key after the prefix (<c>auc</c> in <c>metrics.auc</c>), or the attribute name.</param>
/// <param name="Comparator">The operator.</param>
/// <param name="Value">The value's text (quotes removed).</param>
/// <param name="Number">The value as a number when it was written unquoted; null for a quoted string.</param>
public sealed record SearchFilterClause(
    SearchKeyType KeyType,
    string Key,
    SearchComparator Comparator,
    string Value,
    double? Number
)
{
    /// <summary>True for <c>=</c>, <c>!=</c>, <c>LIKE</c>, <c>ILIKE</c>: the comparators that apply to text.</summary>
    public bool IsStringComparator =>
        Comparator
            is SearchComparator.Equal
                or SearchComparator.NotEqual
                or SearchComparator.Like
                or SearchComparator.ILike;
}
