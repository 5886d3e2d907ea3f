namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>Why one row was rejected: the first failing check (see <see cref="RecordValidator.CheckOrder"/>).</summary>
/// <param name="Reason">The reason code.</param>
/// <param name="Column">
/// The column the check failed on: a <see cref="DatasetSchema"/> name, an extra column's header
/// name, or the empty string when the reason is not about one column (e.g. <see cref="RejectReason.WrongFieldCount"/>).
/// </param>
public readonly record struct RowRejection(RejectReason Reason, string Column);
