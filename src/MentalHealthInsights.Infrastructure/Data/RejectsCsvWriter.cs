using System.Buffers;
using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>
/// Writes the rejects CSV: <c>line,reason,column,original</c>, LF line endings, fields quoted
/// (RFC 4180 style) only when they contain a comma, quote, CR or LF. This file is the one place
/// where original record text is written.
/// </summary>
internal sealed class RejectsCsvWriter(TextWriter writer)
{
    /// <summary>The header line, always written first (also for an input without rejects).</summary>
    public const string Header = "line,reason,column,original";

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

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
        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        int quote;
        while ((quote = value.IndexOf('"')) >= 0)
        {
            writer.Write(value[..(quote + 1)]);
            writer.Write('"');
            value = value[(quote + 1)..];
        }

        writer.Write(value);
        writer.Write('"');
    }
}
