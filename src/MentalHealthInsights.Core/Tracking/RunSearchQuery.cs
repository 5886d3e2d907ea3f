namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// A run search (MLflow's <c>runs/search</c>). Filter syntax: clauses joined by <c>AND</c>, e.g.
/// <c>metrics.auc &gt; 0.7 AND params.model = 'xgboost' AND tags.k = 'v' AND attributes.status = 'FINISHED'</c>.
/// </summary>
public sealed record RunSearchQuery
{
    /// <summary>MLflow's default page size.</summary>
    public const int DefaultMaxResults = 1000;

    /// <summary>MLflow's largest allowed page size.</summary>
    public const int MaxAllowedResults = 50_000;

    /// <summary>Experiments to search (at least one).</summary>
    public required IReadOnlyList<string> ExperimentIds { get; init; }

    /// <summary>Filter string; null or empty matches every run.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses such as <c>metrics.auc DESC</c>; default <c>attributes.start_time DESC</c>, then run id.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>Page size, 1 to <see cref="MaxAllowedResults"/> (default <see cref="DefaultMaxResults"/>).</summary>
    public int MaxResults { get; init; } = DefaultMaxResults;

    /// <summary>The token of a previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>Which lifecycle stages to return (default active only).</summary>
    public ViewType ViewType { get; init; } = ViewType.ActiveOnly;
}
