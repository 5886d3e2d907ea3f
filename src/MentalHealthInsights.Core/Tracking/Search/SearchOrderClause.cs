namespace MentalHealthInsights.Core.Tracking.Search;

/// <summary>One <c>identifier [ASC|DESC]</c> order clause.</summary>
/// <param name="KeyType">What the identifier refers to.</param>
/// <param name="Key">The key after the prefix, or the attribute name.</param>
/// <param name="Ascending">True for ASC (the default when neither is written).</param>
public sealed record SearchOrderClause(SearchKeyType KeyType, string Key, bool Ascending);
