namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// Counts per bin for each target group over shared, equal-width bins spanning the observed
/// range (numpy's <c>histogram</c> convention: bins are half-open except the last, which also
/// holds the maximum; a constant column gets the range value ± 0.5). Empty when no value is present.
/// </summary>
/// <param name="BinEdges">Bin edges, one more than the bins.</param>
/// <param name="WithCondition">Counts of people with the condition per bin.</param>
/// <param name="WithoutCondition">Counts of people without the condition per bin.</param>
public sealed record NumericHistogram(
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<long> WithCondition,
    IReadOnlyList<long> WithoutCondition
);
