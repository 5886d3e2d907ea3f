namespace MentalHealthInsights.Core.Data.Validation;

public sealed partial class RecordValidator
{
    private static readonly int[] OpenCategoryColumns =
    [
        GenderColumn,
        OccupationColumn,
        CountryColumn,
    ];

    private readonly long[] rejectsByReason = new long[Enum.GetValues<RejectReason>().Length];
    private readonly long[] missingByColumn = new long[DatasetSchema.Columns.Count];
    private readonly long[] unknownByColumn = new long[DatasetSchema.Columns.Count];

    /// <summary>Rows passed to <see cref="TryValidate{TRow}"/> so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows accepted so far.</summary>
    public long RowsAccepted { get; private set; }

    /// <summary>Rows rejected so far.</summary>
    public long RowsRejected { get; private set; }

    /// <summary>
    /// The report for the rows seen so far: counts, rejects by reason (only reasons that
    /// occurred, in <see cref="RejectReason"/> order), missing values by column (all twelve
    /// columns, schema order) and unknown categories mapped to "Other" (Gender, Occupation,
    /// Country), all among accepted rows.
    /// </summary>
    /// <param name="warnings">Non-fatal findings to include (never record values).</param>
    /// <param name="fatalError">A file-level error that stopped reading, if any.</param>
    public ValidationReport CreateReport(
        IReadOnlyList<string>? warnings = null,
        string? fatalError = null
    )
    {
        var byReason = new Dictionary<RejectReason, long>();
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            if (rejectsByReason[(int)reason] > 0)
            {
                byReason[reason] = rejectsByReason[(int)reason];
            }
        }

        return new ValidationReport
        {
            RowsRead = RowsRead,
            RowsAccepted = RowsAccepted,
            RowsRejected = RowsRejected,
            RejectsByReason = byReason,
            MissingByColumn = ByColumn(
                missingByColumn,
                Enumerable.Range(0, missingByColumn.Length)
            ),
            UnknownCategoriesMapped = ByColumn(unknownByColumn, OpenCategoryColumns),
            Warnings = warnings ?? [],
            FatalError = fatalError,
        };
    }

    /// <summary>
    /// The report for an input that could not be read at all (no rows): zero counts, every
    /// column present with zero in the per-column maps, and <paramref name="fatalError"/>.
    /// </summary>
    public static ValidationReport CreateFatalReport(
        string fatalError,
        IReadOnlyList<string>? warnings = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fatalError);
        var zeros = new long[DatasetSchema.Columns.Count];
        return new ValidationReport
        {
            RejectsByReason = new Dictionary<RejectReason, long>(),
            MissingByColumn = ByColumn(zeros, Enumerable.Range(0, zeros.Length)),
            UnknownCategoriesMapped = ByColumn(zeros, OpenCategoryColumns),
            Warnings = warnings ?? [],
            FatalError = fatalError,
        };
    }

    private void Commit(int missingMask, int unknownMask)
    {
        RowsAccepted++;
        AddBits(missingByColumn, missingMask);
        AddBits(unknownByColumn, unknownMask);
    }

    private static void AddBits(long[] counters, int mask)
    {
        while (mask != 0)
        {
            counters[int.TrailingZeroCount(mask)]++;
            mask &= mask - 1;
        }
    }

    private static Dictionary<string, long> ByColumn(long[] counters, IEnumerable<int> columns) =>
        columns.ToDictionary(c => DatasetSchema.Columns[c], c => counters[c]);
}
