namespace MentalHealthInsights.Core.Tracking.Search;

/// <summary>What a search identifier refers to: the prefix of <c>metrics.auc</c>, <c>params.x</c>, <c>tags.k</c>, <c>attributes.status</c>.</summary>
public enum SearchKeyType
{
    /// <summary>A column of the entity (<c>attributes.status</c>, or a bare <c>name</c>).</summary>
    Attribute,

    /// <summary>A run's latest metric value (<c>metrics.</c>, <c>metric.</c>).</summary>
    Metric,

    /// <summary>A run param (<c>params.</c>, <c>param.</c>, <c>parameters.</c>, <c>parameter.</c>).</summary>
    Param,

    /// <summary>A tag (<c>tags.</c>, <c>tag.</c>).</summary>
    Tag,
}
