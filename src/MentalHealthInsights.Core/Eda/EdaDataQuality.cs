namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// Data quality as reported by validation, plus the number of records the analysis saw
/// (normally equal to <see cref="RowsAccepted"/>).
/// </summary>
public sealed record EdaDataQuality
{
    /// <summary>Records passed to the analysis.</summary>
    public required long RecordsAnalyzed { get; init; }

    /// <summary>Data rows read from the input.</summary>
    public required long RowsRead { get; init; }

    /// <summary>Rows that passed validation.</summary>
    public required long RowsAccepted { get; init; }

    /// <summary>Rows rejected by validation.</summary>
    public required long RowsRejected { get; init; }

    /// <summary>Rejected rows by reason code, in the order of <see cref="Data.RejectReason"/>.</summary>
    public required IReadOnlyList<NamedCount> RejectsByReason { get; init; }

    /// <summary>Missing values among accepted rows by column, in schema order.</summary>
    public required IReadOnlyList<NamedCount> MissingByColumn { get; init; }

    /// <summary>Unknown category values mapped to "Other", by column, in schema order.</summary>
    public required IReadOnlyList<NamedCount> UnknownCategoriesMapped { get; init; }

    /// <summary>Validation warnings (never record values).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
