using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Shows a Sep row to the dataset validator with the two outcome columns appended as virtual
/// fields (Mental_Health_Condition = "No", Severity empty): rows to score have no outcome, and the
/// validator's other rules apply unchanged. The outcome is never read from the file and never
/// written anywhere.
/// </summary>
internal readonly ref struct BatchRowFields(SepReader.Row row) : IRowFields
{
    /// <summary>The value shown for the virtual Mental_Health_Condition field.</summary>
    public const string VirtualTarget = "No";

    private readonly SepReader.Row row = row;

    // Read before any field: unescaping rewrites quoted rows in place.
    public ReadOnlySpan<char> Text { get; } = row.Span;

    public int Count => row.ColCount + BatchHeader.VirtualColumns;

    public ReadOnlySpan<char> this[int index] =>
        index < row.ColCount ? row[index].Span : Virtual(index - row.ColCount);

    /// <summary>The virtual field <paramref name="past"/> places after the file's last column.</summary>
    public static ReadOnlySpan<char> Virtual(int past) =>
        past == 0 ? VirtualTarget : ReadOnlySpan<char>.Empty;
}
