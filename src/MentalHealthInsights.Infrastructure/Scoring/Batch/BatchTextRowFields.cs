using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// A row without quotes, split at its commas, shown to the dataset validator like
/// <see cref="BatchRowFields"/> shows a Sep row (the two outcome columns appended as virtual
/// fields). For such a row, Sep's fields (unescaping on, no trimming) are exactly the text
/// between the commas, so both give the validator the same fields; the reader hands every
/// quoted row to the validator through Sep itself.
/// </summary>
internal readonly ref struct BatchTextRowFields : IRowFields
{
    private readonly ReadOnlySpan<int> ends;

    /// <param name="text">The row's text, without quotes and without its line ending.</param>
    /// <param name="ends">One slot per field the row has (its commas + 1): filled with where each field ends.</param>
    public BatchTextRowFields(ReadOnlySpan<char> text, Span<int> ends)
    {
        Text = text;
        var at = 0;
        for (var i = 0; i < ends.Length - 1; i++)
        {
            var comma = text[at..].IndexOf(',');
            at = comma < 0 ? text.Length : at + comma;
            ends[i] = at;
            at = Math.Min(at + 1, text.Length);
        }

        ends[^1] = text.Length;
        this.ends = ends;
    }

    public ReadOnlySpan<char> Text { get; }

    public int Count => ends.Length + BatchHeader.VirtualColumns;

    public ReadOnlySpan<char> this[int index] =>
        index < ends.Length ? Text[Start(index)..ends[index]]
        : index == ends.Length ? BatchRowFields.VirtualTarget
        : ReadOnlySpan<char>.Empty;

    private int Start(int index) => index == 0 ? 0 : Math.Min(ends[index - 1] + 1, ends[index]);
}
