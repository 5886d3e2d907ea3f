namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// A bounded summary of a column in reference and current for plots and JSON: shares per bin
/// (at most a few dozen bins whatever the row count), never rows.
/// </summary>
/// <param name="Labels">Bin labels: category names, or "[a, b)" ranges.</param>
/// <param name="Reference">Share of the reference's non-missing values per bin.</param>
/// <param name="Current">Share of the current's non-missing values per bin.</param>
public sealed record ColumnDistribution(
    IReadOnlyList<string> Labels,
    IReadOnlyList<double> Reference,
    IReadOnlyList<double> Current
);
