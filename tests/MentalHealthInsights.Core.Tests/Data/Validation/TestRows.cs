using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

/// <summary>Plain string fields shown to the validator as <see cref="IRowFields"/>.</summary>
internal readonly struct StringRow(string[] fields) : IRowFields
{
    public ReadOnlySpan<char> Text => string.Join(',', fields);

    public int Count => fields.Length;

    public ReadOnlySpan<char> this[int index] => fields[index];
}

/// <summary>Builds rows in schema order from one valid row plus overrides.</summary>
internal static class TestRows
{
    public static string[] Valid(string userId = "U1") =>
        [userId, "30", "Female", "IT", "USA", "Yes", "Low", "No", "Medium", "7.5", "40", "3"];

    public static string[] With(params (string Column, string Value)[] overrides) =>
        With(Valid(), overrides);

    public static string[] With(string[] row, params (string Column, string Value)[] overrides)
    {
        var copy = (string[])row.Clone();
        foreach (var (column, value) in overrides)
        {
            copy[IndexOf(column)] = value;
        }

        return copy;
    }

    public static int IndexOf(string column)
    {
        for (var i = 0; i < DatasetSchema.Columns.Count; i++)
        {
            if (DatasetSchema.Columns[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException("Not a schema column.", nameof(column));
    }

    public static RecordValidator NewValidator(
        ValidationOptions? options = null,
        long expectedRows = 0
    ) => new(ColumnMap.FromHeader(DatasetSchema.Columns), options, expectedRows);

    public static bool TryValidate(
        this RecordValidator validator,
        string[] fields,
        out MentalHealthRecord? record,
        out RowRejection rejection
    ) => validator.TryValidate(new StringRow(fields), out record, out rejection);

    public static RowRejection Reject(this RecordValidator validator, string[] fields)
    {
        Assert.False(validator.TryValidate(fields, out var record, out var rejection));
        Assert.Null(record);
        return rejection;
    }

    public static MentalHealthRecord Accept(this RecordValidator validator, string[] fields)
    {
        Assert.True(
            validator.TryValidate(fields, out var record, out var rejection),
            rejection.ToString()
        );
        return record!;
    }
}
