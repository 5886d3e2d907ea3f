namespace MentalHealthInsights.Core.Data.Validation;

/// <summary>
/// The fields of one input row as a CSV parser split them (quotes already removed, nothing
/// trimmed). Implemented by ref structs over the parser's own buffer, so validating a row
/// copies no text.
/// </summary>
public interface IRowFields
{
    /// <summary>
    /// The row's text as read, without its line ending, before any field was accessed. Every
    /// field is drawn from it, so no field is longer than it or holds a character it lacks;
    /// the validator uses that to skip per-field length and encoding scans for ordinary rows.
    /// </summary>
    ReadOnlySpan<char> Text { get; }

    /// <summary>Number of fields in the row.</summary>
    int Count { get; }

    /// <summary>The text of the field at <paramref name="index"/> (0-based, less than <see cref="Count"/>).</summary>
    ReadOnlySpan<char> this[int index] { get; }
}
