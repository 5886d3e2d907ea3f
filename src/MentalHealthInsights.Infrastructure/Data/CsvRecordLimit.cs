using System.Globalization;
using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// The longest CSV record (a row's text, quotes and line breaks included) that <c>mhi batch</c>,
/// <c>mhi data validate</c> and <c>mhi labels import</c> read: one limit, one check and one
/// message for the three. A valid row is far shorter (each field the validator reads holds at
/// most <see cref="Core.Data.ValidationOptions.MaxFieldLength"/> characters); a longer one that
/// holds a quote, or has another number of fields than the header, is almost always a quote that
/// is never closed, which would swallow the rest of the file into one rejected row. A row without
/// quotes ends at its line break, so one of the header's width is only a row with an over-long
/// field (rejected as <c>FieldTooLong</c>), never a reason to stop.
/// </summary>
internal static class CsvRecordLimit
{
    /// <summary>1,048,576 characters.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>
    /// True when reading must stop at this record (see the type's remarks). One length compare
    /// for an ordinary row; the quote is looked for only in a record over the limit.
    /// </summary>
    /// <param name="record">The record's text as read, before any field was accessed.</param>
    /// <param name="fields">The record's field count.</param>
    /// <param name="headerFields">The header's field count.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StopsReading(ReadOnlySpan<char> record, int fields, int headerFields) =>
        record.Length > MaxLength && (fields != headerFields || record.Contains('"'));

    /// <summary>
    /// The message that stops reading at a record over <see cref="MaxLength"/> (or over Sep's
    /// own limit of 16,777,216 characters), naming the line it starts on: "SOURCE: reading
    /// stopped at line N: the row starting there is longer than 1,048,576 characters, usually
    /// because a quote (") is never closed.", or "Reading stopped …" without a source.
    /// </summary>
    /// <param name="source">The file's name or path; null to start the sentence with "Reading".</param>
    /// <param name="line">The 1-based line the record starts on.</param>
    public static string StoppedAt(string? source, int line)
    {
        var sentence = string.Create(
            CultureInfo.InvariantCulture,
            $"reading stopped at line {line:N0}: the row starting there is longer than {MaxLength:N0} characters, usually because a quote (\") is never closed."
        );
        return source is null ? string.Concat("R", sentence.AsSpan(1)) : $"{source}: {sentence}";
    }
}
