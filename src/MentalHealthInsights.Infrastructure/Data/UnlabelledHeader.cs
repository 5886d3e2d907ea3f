using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// The header of an unlabelled input (rows to score, or current data to monitor without
/// outcomes): User_ID and the nine feature columns are required (any order, names matched as
/// <see cref="ColumnMap"/> matches them); Mental_Health_Condition and Severity, when present,
/// are ignored (outcomes are not inputs) and replaced by the virtual fields of
/// <see cref="UnlabelledRowFields"/>; other columns are ignored.
/// </summary>
internal static class UnlabelledHeader
{
    /// <summary>Virtual fields appended to every row: the target, then Severity.</summary>
    public const int VirtualColumns = 2;

    /// <summary>What an outcome column of the file is renamed to (then an ignored extra column).</summary>
    public const string IgnoredPrefix = "ignored:";

    private static readonly string TargetKey = ColumnMap.NormalizeName(
        DatasetSchema.MentalHealthCondition
    );

    private static readonly string SeverityKey = ColumnMap.NormalizeName(DatasetSchema.Severity);

    /// <summary>The required input columns, in schema order.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        .. DatasetSchema.Columns.Where(c =>
            c != DatasetSchema.MentalHealthCondition && c != DatasetSchema.Severity
        ),
    ];

    /// <summary>
    /// The column map of <paramref name="names"/> (the file's header, in file order) with the
    /// outcome columns of the file made extras (ignored) and the two virtual ones appended;
    /// check <see cref="ColumnMap.IsComplete"/> (it lists the required columns the file lacks).
    /// </summary>
    public static ColumnMap Map(IReadOnlyList<string> names)
    {
        var renamed = new List<string>(names.Count + VirtualColumns);
        foreach (var name in names)
        {
            var key = ColumnMap.NormalizeName(name);
            renamed.Add(key == TargetKey || key == SeverityKey ? IgnoredPrefix + name : name);
        }

        renamed.Add(DatasetSchema.MentalHealthCondition);
        renamed.Add(DatasetSchema.Severity);
        return ColumnMap.FromHeader(renamed);
    }
}
