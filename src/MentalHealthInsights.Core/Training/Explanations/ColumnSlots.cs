using MentalHealthInsights.Core.Features;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>One original column's output slots.</summary>
/// <param name="Name">The column.</param>
/// <param name="Kind">Numeric (one slot) or categorical (one slot per level, then "&lt;unknown&gt;").</param>
/// <param name="Offset">First slot.</param>
/// <param name="Width">Number of slots.</param>
/// <param name="Levels">Categorical: the level of each slot (the last is "&lt;unknown&gt;"); empty for numeric.</param>
/// <param name="Order">Ordinal columns: levels in increasing order; null otherwise.</param>
internal sealed record ColumnSlots(
    string Name,
    FeatureKind Kind,
    int Offset,
    int Width,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string>? Order
)
{
    /// <summary>The level of a one-hot row: the slot that is set (the unknown slot when none is).</summary>
    public int LevelOf(ReadOnlySpan<float> row)
    {
        var slots = row.Slice(Offset, Width);
        for (var k = 0; k < slots.Length; k++)
        {
            if (slots[k] != 0f)
            {
                return k;
            }
        }

        return Width - 1;
    }
}
