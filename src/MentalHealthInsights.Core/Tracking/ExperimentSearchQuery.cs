namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// An experiment search (MLflow's <c>experiments/search</c>). Filter examples:
/// <c>name = 'x'</c>, <c>name LIKE 'mhi-%'</c>, <c>tags.team = 'ml'</c>.
/// </summary>
public sealed record ExperimentSearchQuery
{
    /// <summary>MLflow's default page size.</summary>
    public const int DefaultMaxResults = 1000;

    /// <summary>MLflow's largest allowed page size.</summary>
    public const int MaxAllowedResults = 50_000;

    /// <summary>Filter string; null or empty matches every experiment.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses (<c>name</c>, <c>creation_time</c>, <c>last_update_time</c>, <c>experiment_id</c>); default <c>creation_time DESC</c>, then id.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>Page size, 1 to <see cref="MaxAllowedResults"/> (default <see cref="DefaultMaxResults"/>).</summary>
    public int MaxResults { get; init; } = DefaultMaxResults;

    /// <summary>The token of a previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>Which lifecycle stages to return (default active only).</summary>
    public ViewType ViewType { get; init; } = ViewType.ActiveOnly;
}
