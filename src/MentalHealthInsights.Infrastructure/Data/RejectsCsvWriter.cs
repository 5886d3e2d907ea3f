using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Writes the rejects CSV: <c>line,reason,column,original</c>, LF line endings; the column and
/// the original text go through <see cref="CsvTextField"/> like every other CSV output's free
/// text (a leading <c>= + - @</c>, tab or CR is neutralised with an apostrophe so a spreadsheet
/// never runs it as a formula; quoted RFC 4180 style when holding a comma, quote, CR or LF).
/// This file is the one place where original record text is written.
/// </summary>
internal sealed class RejectsCsvWriter(TextWriter writer)
{
    /// <summary>The header line, always written first (also for an input without rejects).</summary>
    public const string Header = "line,reason,column,original";

    private static readonly string[] ReasonNames = Enum.GetValues<RejectReason>()
        .Select(r => r.ToString())
        .ToArray();

    public void WriteHeader()
    {
        writer.Write(Header);
        writer.Write('\n');
    }

    /// <param name="line">1-based line in the input where the row starts.</param>
    /// <param name="rejection">The reason and column.</param>
    /// <param name="original">The row's text as read (after decoding), without its line ending.</param>
    public void Write(int line, RowRejection rejection, ReadOnlySpan<char> original)
    {
        Span<char> digits = stackalloc char[16];
        line.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.Write(digits[..length]);
        writer.Write(',');
        writer.Write(ReasonNames[(int)rejection.Reason]);
        writer.Write(',');
        WriteField(rejection.Column);
        writer.Write(',');
        WriteField(original);
        writer.Write('\n');
    }

    private void WriteField(ReadOnlySpan<char> value)
    {
        if (CsvTextField.IsPlain(value))
        {
            writer.Write(value);
            return;
        }

        writer.Write(CsvTextField.Escape(value));
    }

    /// <summary>
    /// The text of <paramref name="row"/> as read, kept for its rejects line: Sep unescapes a
    /// quoted field by rewriting the row's buffer in place, so a row with a quote is copied into
    /// <paramref name="copy"/> (grown as needed, reused between rows) before any field is read;
    /// a row without one is returned as it is.
    /// </summary>
    public static ReadOnlySpan<char> KeepOriginal(ReadOnlySpan<char> row, ref char[] copy)
    {
        if (!row.Contains('"'))
        {
            return row;
        }
        if (copy.Length < row.Length)
        {
            copy = new char[Math.Max(row.Length, 2 * copy.Length)];
        }
        row.CopyTo(copy);
        return copy.AsSpan(0, row.Length);
    }
}
