namespace MentalHealthInsights.Core.Monitoring.Quality;

/// <summary>
/// Data quality of the current data: what validation rejected (by reason), what it mapped to
/// "Other" (unknown categories), and the missing values and new categories of accepted rows.
/// Counts and names only, never values of a record.
/// </summary>
/// <param name="RowsRead">Rows read (accepted + rejected; equal to the accepted rows for a prediction log).</param>
/// <param name="RowsRejected">Rows rejected by validation.</param>
/// <param name="RejectsByReason">Rejected rows per reason code.</param>
/// <param name="UnknownCategoriesMapped">Unknown category values mapped to "Other", per column.</param>
/// <param name="Columns">Per-column missing values and new categories.</param>
public sealed record DataQualityResult(
    long RowsRead,
    long RowsRejected,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyDictionary<string, long> UnknownCategoriesMapped,
    IReadOnlyList<ColumnQuality> Columns
)
{
    /// <summary>Rejected / read (0 when nothing was read).</summary>
    public double RejectShare => RowsRead == 0 ? 0 : (double)RowsRejected / RowsRead;
}
