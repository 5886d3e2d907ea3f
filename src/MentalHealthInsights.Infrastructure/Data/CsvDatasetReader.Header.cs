using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Data;

public sealed partial class CsvDatasetReader
{
    private const int MaxNamesListed = 20;
    private const int MaxNameLength = 64;

    private static readonly string ExpectedColumns = string.Join(", ", DatasetSchema.Columns);

    private static readonly string EmptyFileMessage =
        $"The file is empty: expected a header row naming the columns {ExpectedColumns}.";

    private static readonly string BlankHeaderMessage =
        $"The first line is blank: expected a header row naming the columns {ExpectedColumns}.";

    // Separators people save "CSV" with by mistake, and the words used to name them.
    private static readonly (char Separator, string Name)[] OtherSeparators =
    [
        (';', "semicolons (;)"),
        ('\t', "tabs"),
        ('|', "pipes (|)"),
    ];

    private static readonly string UnlabelledColumns = string.Join(
        ", ",
        UnlabelledHeader.RequiredColumns
    );

    /// <summary>
    /// Maps the header row; returns a fatal error message, or null when it is usable.
    /// <paramref name="unlabelled"/> is set when <paramref name="target"/> allows it and the
    /// header has no outcome column: the map then has the virtual outcome fields of
    /// <see cref="UnlabelledRowFields"/>.
    /// </summary>
    private static string? ReadHeader(
        SepReader.Row header,
        TargetRequirement target,
        out ColumnMap? columns,
        out bool unlabelled,
        out List<string> warnings
    )
    {
        warnings = [];
        columns = null;
        unlabelled = false;
        if (header.Span.IsEmpty)
        {
            return BlankHeaderMessage;
        }

        // Counted before any field is read: unescaping rewrites the row text in place.
        var separatorProblem = WrongSeparator(header.Span);
        var names = new string[header.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = header[i].ToString();
        }

        var map = ColumnMap.FromHeader(names);
        if (
            target == TargetRequirement.Optional
            && map.MissingColumns.Contains(DatasetSchema.MentalHealthCondition)
        )
        {
            // No outcome column at all: unlabelled data, read as mhi batch reads its input.
            var withoutTarget = UnlabelledHeader.Map(names);
            if (!withoutTarget.IsComplete)
            {
                return separatorProblem ?? HeaderProblem(withoutTarget, unlabelled: true);
            }

            map = withoutTarget;
            unlabelled = true;
            warnings.Add(
                $"No {DatasetSchema.MentalHealthCondition} column: read as unlabelled data (no outcomes)."
            );
        }

        if (!map.IsComplete)
        {
            // Header names only (never data) go into messages, and only once the header is
            // known to be a header: a file without one would otherwise leak its first row.
            return separatorProblem ?? HeaderProblem(map, unlabelled: false);
        }

        if (map.ExtraColumns.Count > 0)
        {
            warnings.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Ignored {map.ExtraColumns.Count} extra column(s): {ListNames(ExtraNames(map))}."
                )
            );
        }

        columns = map;
        return null;
    }

    /// <summary>
    /// Says so when a header line is separated by semicolons, tabs or pipes rather than commas
    /// (more of one of them than commas); null otherwise. Also used by <c>mhi batch</c> and the
    /// label import.
    /// </summary>
    internal static string? WrongSeparator(ReadOnlySpan<char> headerText)
    {
        var commas = headerText.Count(',');
        foreach (var (separator, name) in OtherSeparators)
        {
            if (headerText.Count(separator) > commas)
            {
                return $"The file is not comma-separated: its header line is separated by {name}. "
                    + "Save it as CSV with commas between fields.";
            }
        }

        return null;
    }

    // As written in the file: an outcome column of unlabelled data is an ignored extra column.
    private static IReadOnlyList<string> ExtraNames(ColumnMap map) =>
        [
            .. map.ExtraColumns.Select(n =>
                n.StartsWith(UnlabelledHeader.IgnoredPrefix, StringComparison.Ordinal)
                    ? n[UnlabelledHeader.IgnoredPrefix.Length..]
                    : n
            ),
        ];

    private static string HeaderProblem(ColumnMap map, bool unlabelled)
    {
        var parts = new List<string>(2);
        if (map.MissingColumns.Count > 0)
        {
            parts.Add($"Missing required column(s): {string.Join(", ", map.MissingColumns)}.");
        }

        if (map.DuplicatedColumns.Count > 0)
        {
            parts.Add(
                $"Column(s) named more than once in the header: {string.Join(", ", map.DuplicatedColumns)}."
            );
        }

        parts.Add(
            unlabelled
                ? $"Without {DatasetSchema.MentalHealthCondition} (unlabelled data) the header must name each of {UnlabelledColumns} once (any order; case, spaces and underscores are ignored)."
                : $"The header must name each of {ExpectedColumns} once (any order; case, spaces and underscores are ignored)."
        );
        return string.Join(' ', parts);
    }

    private static string ListNames(IReadOnlyList<string> names)
    {
        var shown = names
            .Take(MaxNamesListed)
            .Select(n =>
                n.Length == 0 ? "(unnamed)"
                : n.Length > MaxNameLength ? n[..MaxNameLength] + "…"
                : n
            );
        var listed = string.Join(", ", shown);
        return names.Count > MaxNamesListed
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{listed} and {names.Count - MaxNamesListed} more"
            )
            : listed;
    }

    private static string RowTooLongMessage(int line) =>
        $"{CsvRecordLimit.StoppedAt(null, line)} Rows before it were validated.";
}
