using System.Text;

namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// Maps a file's header to the twelve <see cref="DatasetSchema.Columns"/>. Names match after
/// ignoring case, whitespace and underscores (so <c>" user id "</c> and <c>"USER_ID"</c> both
/// mean <see cref="DatasetSchema.UserId"/>); columns may come in any order; extra columns are
/// ignored. All twelve columns are required.
/// </summary>
public sealed class ColumnMap
{
    private readonly int[] fieldOfColumn;
    private readonly string[] fieldNames;

    private ColumnMap(
        int[] fieldOfColumn,
        string[] fieldNames,
        IReadOnlyList<string> missing,
        IReadOnlyList<string> duplicated,
        IReadOnlyList<string> extra
    )
    {
        this.fieldOfColumn = fieldOfColumn;
        this.fieldNames = fieldNames;
        MissingColumns = missing;
        DuplicatedColumns = duplicated;
        ExtraColumns = extra;
    }

    /// <summary>Number of fields in the header; every data row must have exactly this many.</summary>
    public int FieldCount => fieldNames.Length;

    /// <summary>Schema columns with no matching header field, in schema order.</summary>
    public IReadOnlyList<string> MissingColumns { get; }

    /// <summary>Schema columns matched by more than one header field (ambiguous), in schema order.</summary>
    public IReadOnlyList<string> DuplicatedColumns { get; }

    /// <summary>Header names (trimmed, as written) that match no schema column; they are ignored.</summary>
    public IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>True when every schema column was found exactly once.</summary>
    public bool IsComplete => MissingColumns.Count == 0 && DuplicatedColumns.Count == 0;

    /// <summary>Builds the map from the header's field names, in file order.</summary>
    public static ColumnMap FromHeader(IReadOnlyList<string> headerNames)
    {
        ArgumentNullException.ThrowIfNull(headerNames);
        var schema = DatasetSchema.Columns;
        var schemaKeys = schema.Select(NormalizeName).ToArray();
        var fieldOfColumn = Enumerable.Repeat(-1, schema.Count).ToArray();
        var fieldNames = new string[headerNames.Count];
        var duplicated = new SortedSet<int>();
        var extra = new List<string>();

        for (var field = 0; field < headerNames.Count; field++)
        {
            var written = headerNames[field].Trim().Trim('\uFEFF').Trim();
            var column = Array.IndexOf(schemaKeys, NormalizeName(written));
            if (column < 0)
            {
                fieldNames[field] = written;
                extra.Add(written);
                continue;
            }

            fieldNames[field] = schema[column];
            if (fieldOfColumn[column] >= 0)
            {
                duplicated.Add(column);
            }
            else
            {
                fieldOfColumn[column] = field;
            }
        }

        var missing = Enumerable
            .Range(0, schema.Count)
            .Where(c => fieldOfColumn[c] < 0)
            .Select(c => schema[c])
            .ToArray();
        return new ColumnMap(
            fieldOfColumn,
            fieldNames,
            missing,
            duplicated.Select(c => schema[c]).ToArray(),
            extra
        );
    }

    /// <summary>
    /// The comparison key for a header name: upper-case (invariant), with whitespace,
    /// underscores and byte-order marks removed.
    /// </summary>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c) && c != '_' && c != '\uFEFF')
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        return key.ToString();
    }

    /// <summary>The 0-based field index of a schema column, or -1 when it is missing.</summary>
    /// <param name="schemaColumn">A name from <see cref="DatasetSchema.Columns"/>.</param>
    public int FieldIndexOf(string schemaColumn)
    {
        var column = IndexInSchema(schemaColumn);
        return column < 0 ? -1 : fieldOfColumn[column];
    }

    /// <summary>
    /// The name reported for field <paramref name="fieldIndex"/>: the schema name for a mapped
    /// field, the trimmed header name for an extra field, and the empty string past the header.
    /// </summary>
    public string FieldName(int fieldIndex) =>
        fieldIndex >= 0 && fieldIndex < fieldNames.Length ? fieldNames[fieldIndex] : string.Empty;

    private static int IndexInSchema(string schemaColumn)
    {
        var columns = DatasetSchema.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], schemaColumn, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
