namespace MentalHealthInsights.Core.Tracking.Search;

/// <summary>Comparison operators of MLflow's search syntax.</summary>
public enum SearchComparator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>LIKE</c>: SQL pattern (<c>%</c> any run, <c>_</c> one character), case-sensitive.</summary>
    Like,

    /// <summary><c>ILIKE</c>: as <see cref="Like"/>, case-insensitive.</summary>
    ILike,
}
