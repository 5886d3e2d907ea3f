using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Features;

public sealed partial class FittedPreprocessor
{
    /// <summary>
    /// Writes the features of one record into <paramref name="destination"/>: the one code path
    /// behind every other transform overload, in training, batch scoring and serving.
    /// Allocation-free and thread-safe.
    /// </summary>
    /// <remarks>
    /// Numeric: a missing (or non-finite) value becomes the training median, then
    /// <c>(x − mean) / scale</c> is computed in double and cast to float once. Categorical: the
    /// slot of the value's training level is 1 and the others 0; a value not seen in training,
    /// or a missing value, sets the column's "&lt;unknown&gt;" slot instead.
    /// </remarks>
    /// <param name="record">The record to transform.</param>
    /// <param name="destination">Exactly <see cref="OutputWidth"/> floats; every slot is written.</param>
    /// <returns>
    /// A bit mask of the categorical columns that used their "&lt;unknown&gt;" slot (bit i is
    /// <see cref="FeatureSpec.Features"/>[i]); 0 when none did. See <see cref="GetUnknownColumns"/>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not <see cref="OutputWidth"/> long.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Transform(MentalHealthRecord record, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (destination.Length != OutputWidth)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} slots; this preprocessor writes {OutputWidth}.",
                nameof(destination)
            );
        }

        var unknownMask = 0;
        var columns = _columns;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (column.Kind == FeatureKind.Numeric)
            {
                var x = column.ReadNumeric!(record);
                if (!double.IsFinite(x))
                {
                    x = column.Median;
                }

                // A value far outside the training rows' spread (possible only when an
                // accepted range was widened to astronomic bounds) would be ±∞ as a float,
                // which no trainer accepts: it is clamped to the largest float instead.
                destination[column.Offset] = (float)
                    Math.Clamp((x - column.Mean) / column.Scale, -float.MaxValue, float.MaxValue);
                continue;
            }

            var slots = destination.Slice(column.Offset, column.Width);
            slots.Clear();
            var value = column.ReadCategory!(record);
            var level = value is null ? -1 : column.FindLevel(value);
            if (level >= 0)
            {
                slots[level] = 1f;
            }
            else
            {
                slots[^1] = 1f;
                unknownMask |= 1 << i;
            }
        }

        return unknownMask;
    }

    /// <summary>Transforms one record into a new array of <see cref="OutputWidth"/> floats.</summary>
    public float[] Transform(MentalHealthRecord record)
    {
        var row = new float[OutputWidth];
        Transform(record, row);
        return row;
    }

    /// <summary>Transforms every record into a new row-major array (records × <see cref="OutputWidth"/>).</summary>
    public float[] TransformBatch(IReadOnlyList<MentalHealthRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var matrix = new float[checked(records.Count * OutputWidth)];
        TransformBatch(records, matrix, []);
        return matrix;
    }

    /// <summary>
    /// Transforms the records at the indices <paramref name="rows"/> (a fold, a bootstrap sample)
    /// into a new row-major array (rows × <see cref="OutputWidth"/>), in index order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <paramref name="records"/>.</exception>
    public float[] TransformBatch(IReadOnlyList<MentalHealthRecord> records, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var row in rows)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, records.Count, nameof(rows));
        }

        var matrix = new float[checked(rows.Length * OutputWidth)];
        for (var i = 0; i < rows.Length; i++)
        {
            Transform(records[rows[i]], matrix.AsSpan(i * OutputWidth, OutputWidth));
        }

        return matrix;
    }

    /// <summary>
    /// Transforms every record into <paramref name="destination"/> (row-major, exactly
    /// records × <see cref="OutputWidth"/> floats) and, when <paramref name="unknownMasks"/> is not
    /// empty, stores each row's unknown-column mask there (one per record).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    public void TransformBatch(
        IReadOnlyList<MentalHealthRecord> records,
        Span<float> destination,
        Span<int> unknownMasks
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var count = records.Count;
        if (destination.Length != checked(count * OutputWidth))
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} floats; {count} records need {count * OutputWidth}.",
                nameof(destination)
            );
        }

        if (!unknownMasks.IsEmpty && unknownMasks.Length != count)
        {
            throw new ArgumentException(
                $"The mask buffer has {unknownMasks.Length} entries; it must be empty or have one per record ({count}).",
                nameof(unknownMasks)
            );
        }

        for (var i = 0; i < count; i++)
        {
            var mask = Transform(records[i], destination.Slice(i * OutputWidth, OutputWidth));
            if (!unknownMasks.IsEmpty)
            {
                unknownMasks[i] = mask;
            }
        }
    }
}
