using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Core.Monitoring.Quality;

/// <summary>Builds the <see cref="DataQualityResult"/> of the current data.</summary>
public static class DataQualityAnalyzer
{
    /// <summary>
    /// Combines the validation report of the current data (null for a prediction log, whose rows
    /// were validated when served) with the missing values and the drift's new categories.
    /// </summary>
    public static DataQualityResult Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        DataDriftResult drift,
        ValidationReport? validation
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(drift);
        var columns = new List<ColumnQuality>();
        foreach (var column in current.Features)
        {
            int missing = column.MissingCount();
            var referenceColumn = reference.Feature(column.Name);
            double referenceShare =
                referenceColumn is null || reference.Rows == 0
                    ? double.NaN
                    : (double)referenceColumn.MissingCount() / reference.Rows;
            var newCategories =
                drift
                    .Features.FirstOrDefault(f =>
                        string.Equals(f.Column, column.Name, StringComparison.Ordinal)
                    )
                    ?.NewCategories
                ?? [];
            columns.Add(
                new ColumnQuality(
                    column.Name,
                    missing,
                    current.Rows == 0 ? 0 : (double)missing / current.Rows,
                    referenceShare,
                    newCategories
                )
            );
        }
        return new DataQualityResult(
            validation?.RowsRead ?? current.Rows,
            validation?.RowsRejected ?? 0,
            validation?.RejectsByReason.ToDictionary(
                r => r.Key.ToString(),
                r => r.Value,
                StringComparer.Ordinal
            )
                ?? new Dictionary<string, long>(StringComparer.Ordinal),
            validation?.UnknownCategoriesMapped
                ?? new Dictionary<string, long>(StringComparer.Ordinal),
            columns
        );
    }
}
