namespace MentalHealthInsights.Core.Monitoring.Quality;

/// <summary>Missing values and new categories of one current column.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Missing">Missing values in the current data.</param>
/// <param name="MissingShare">Missing / rows (0 for no rows).</param>
/// <param name="ReferenceMissingShare">The same share in the reference, for comparison.</param>
/// <param name="NewCategories">Categories absent from the reference (names only).</param>
public sealed record ColumnQuality(
    string Column,
    int Missing,
    double MissingShare,
    double ReferenceMissingShare,
    IReadOnlyList<string> NewCategories
);
