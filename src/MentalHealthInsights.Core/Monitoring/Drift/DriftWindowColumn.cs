namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// One column's drift verdict in one window: the numbers only (no plot summary), so a report with
/// hundreds of windows stays small.
/// </summary>
/// <param name="Column">Column name (a feature, prediction_probability, prediction_label or the target).</param>
/// <param name="Test">The test used (as <see cref="ColumnDriftResult.Test"/>).</param>
/// <param name="Score">The drift score (p-value or distance); NaN when not computed (see <paramref name="Note"/>).</param>
/// <param name="Statistic">The test statistic.</param>
/// <param name="Drifted">Whether the column drifted in this window.</param>
/// <param name="CurrentCount">Cleaned current values in the window.</param>
/// <param name="ReferenceBinPsi">Strict profile: PSI on the fixed reference bins; NaN otherwise.</param>
/// <param name="AdjustedPValue">Strict profile: Benjamini–Hochberg adjusted p (features); NaN otherwise.</param>
/// <param name="Note">Why no score was computed; null when it was.</param>
public sealed record DriftWindowColumn(
    string Column,
    string Test,
    double Score,
    double Statistic,
    bool Drifted,
    int CurrentCount,
    double ReferenceBinPsi,
    double AdjustedPValue,
    string? Note
)
{
    /// <summary>The compact form of a full column result.</summary>
    public static DriftWindowColumn From(ColumnDriftResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DriftWindowColumn(
            result.Column,
            result.Test,
            result.Score,
            result.Statistic,
            result.Drifted,
            result.CurrentCount,
            result.ReferenceBinPsi,
            result.AdjustedPValue,
            result.Note
        );
    }
}
