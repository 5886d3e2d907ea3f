using System.Text.Json.Serialization;

namespace MentalHealthInsights.Core.Data;

/// <summary>
/// The result of reading and validating one input. Bad data is a result, not an exception:
/// a file-level problem sets <see cref="FatalError"/>; row-level problems are counted here and
/// written, row by row, to the rejects file. Counts always reconcile:
/// <c>RowsRead == RowsAccepted + RowsRejected</c>.
/// </summary>
public sealed record ValidationReport
{
    /// <summary>Data rows read (the header is not a row).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows that passed validation.</summary>
    public long RowsAccepted { get; init; }

    /// <summary>Rows rejected (each one is in the rejects file with its reason).</summary>
    public long RowsRejected { get; init; }

    /// <summary>Rejected rows by reason code (only reasons that occurred).</summary>
    public IReadOnlyDictionary<RejectReason, long> RejectsByReason { get; init; } =
        new Dictionary<RejectReason, long>();

    /// <summary>Missing (empty) values among accepted rows, by column name (every schema column present, zero allowed).</summary>
    public IReadOnlyDictionary<string, long> MissingByColumn { get; init; } =
        new Dictionary<string, long>();

    /// <summary>Unknown category values mapped to "Other" among accepted rows, by column name.</summary>
    public IReadOnlyDictionary<string, long> UnknownCategoriesMapped { get; init; } =
        new Dictionary<string, long>();

    /// <summary>Non-fatal findings, e.g. ignored extra columns or a header-only file. Never contains record values.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>A file-level error (missing columns, wrong delimiter, empty file); null when the file could be read.</summary>
    public string? FatalError { get; init; }

    /// <summary>
    /// True when the input had no Mental_Health_Condition column and its reader was explicitly
    /// asked to accept that (monitoring's current data): the rows are unlabelled, and an accepted
    /// record's <see cref="MentalHealthRecord.HasCondition"/> is a placeholder that must not be
    /// read as an outcome. False for every labelled input (the default). Not part of
    /// validation.json (<c>mhi data validate</c> and training read labelled data only; monitoring
    /// reports the current data's counts itself).
    /// </summary>
    [JsonIgnore]
    public bool Unlabelled { get; init; }

    /// <summary>True when the file could be read (rows may still have been rejected).</summary>
    public bool IsReadable => FatalError is null;

    /// <summary>True when <c>RowsRead == RowsAccepted + RowsRejected</c>.</summary>
    public bool Reconciles => RowsRead == RowsAccepted + RowsRejected;
}
