using MentalHealthInsights.Core.Data.Validation;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>Shows a Sep row to the Core validator without copying its text.</summary>
internal readonly ref struct SepRowFields(SepReader.Row row) : IRowFields
{
    private readonly SepReader.Row row = row;

    // Read before any field: unescaping rewrites quoted rows in place.
    public ReadOnlySpan<char> Text { get; } = row.Span;

    public int Count => row.ColCount;

    // Sep unescapes a quoted field in place on first access and caches the result, so
    // repeated access is safe and cheap.
    public ReadOnlySpan<char> this[int index] => row[index].Span;
}
