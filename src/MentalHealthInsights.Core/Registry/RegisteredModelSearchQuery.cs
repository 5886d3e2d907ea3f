namespace MentalHealthInsights.Core.Registry;

/// <summary>
/// A registered-model search. Filter examples: <c>name = 'x'</c>, <c>name LIKE '%classifier%'</c>,
/// <c>tags.team = 'ml'</c>.
/// </summary>
public sealed record RegisteredModelSearchQuery
{
    /// <summary>MLflow's default page size.</summary>
    public const int DefaultMaxResults = 100;

    /// <summary>MLflow's largest allowed page size.</summary>
    public const int MaxAllowedResults = 1000;

    /// <summary>Filter string; null or empty matches every model.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses (<c>name</c>, <c>last_updated_timestamp</c>, <c>creation_timestamp</c>); default <c>name ASC</c>.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>Page size, 1 to <see cref="MaxAllowedResults"/> (default <see cref="DefaultMaxResults"/>).</summary>
    public int MaxResults { get; init; } = DefaultMaxResults;

    /// <summary>The token of a previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }
}
