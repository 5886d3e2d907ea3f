namespace MentalHealthInsights.Core.Registry;

/// <summary>
/// A model-version search. Filter examples: <c>name = 'x'</c>, <c>run_id = '…'</c>,
/// <c>name = 'x' AND tags.promotable = 'true'</c>.
/// </summary>
public sealed record ModelVersionSearchQuery
{
    /// <summary>MLflow's default page size.</summary>
    public const int DefaultMaxResults = 10_000;

    /// <summary>MLflow's largest allowed page size.</summary>
    public const int MaxAllowedResults = 200_000;

    /// <summary>Filter string; null or empty matches every version.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses (<c>name</c>, <c>version_number</c>, <c>creation_timestamp</c>, <c>last_updated_timestamp</c>); default <c>name ASC, version_number DESC</c>.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>Page size, 1 to <see cref="MaxAllowedResults"/> (default <see cref="DefaultMaxResults"/>).</summary>
    public int MaxResults { get; init; } = DefaultMaxResults;

    /// <summary>The token of a previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }
}
