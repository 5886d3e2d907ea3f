using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Eda;

/// <summary>One numeric feature: its distribution overall and per target group, and its test against the target.</summary>
public sealed record NumericFeatureProfile
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>Statistics over all records.</summary>
    public required SummaryStatistics Overall { get; init; }

    /// <summary>Statistics among people with the condition.</summary>
    public required SummaryStatistics WithCondition { get; init; }

    /// <summary>Statistics among people without the condition.</summary>
    public required SummaryStatistics WithoutCondition { get; init; }

    /// <summary>Histogram counts per target group.</summary>
    public required NumericHistogram Histogram { get; init; }

    /// <summary>
    /// Mann–Whitney U test with x = people with the condition and y = people without
    /// (missing values excluded and counted in the result).
    /// </summary>
    public required MannWhitneyUResult Test { get; init; }
}
