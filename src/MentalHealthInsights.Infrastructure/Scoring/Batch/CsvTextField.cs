using System.Buffers;
using System.Text;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

/// <summary>
/// Writes a free-text CSV field safely: a value starting with <c>= + - @</c>, a tab or a carriage
/// return is prefixed with an apostrophe, so spreadsheets show it as text instead of running it
/// as a formula (OWASP's advice on CSV injection); a value with a comma, quote, CR or LF is then
/// quoted RFC 4180 style. A value starting with an apostrophe is prefixed too, which makes the
/// neutralisation reversible: the field read back (RFC 4180) without one leading apostrophe, when
/// it has one, is the value exactly (docs/data-validation.md, "Rejects file").
/// </summary>
public static class CsvTextField
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    // The formula starts, and the apostrophe itself so that dropping one is always exact.
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r'");

    /// <summary>The field as it must appear in the CSV line.</summary>
    public static string Escape(ReadOnlySpan<char> value)
    {
        var neutralised = !value.IsEmpty && FormulaStart.Contains(value[0]);
        var quoted = value.IndexOfAny(NeedsQuotes) >= 0;
        if (!neutralised && !quoted)
        {
            return value.ToString();
        }

        var text = new StringBuilder(value.Length + 4);
        if (quoted)
        {
            text.Append('"');
        }

        if (neutralised)
        {
            text.Append('\'');
        }

        foreach (var c in value)
        {
            text.Append(c);
            if (c == '"')
            {
                text.Append('"');
            }
        }

        if (quoted)
        {
            text.Append('"');
        }

        return text.ToString();
    }

    /// <summary>True when <see cref="Escape"/> would return <paramref name="value"/> unchanged.</summary>
    public static bool IsPlain(ReadOnlySpan<char> value) =>
        (value.IsEmpty || !FormulaStart.Contains(value[0])) && value.IndexOfAny(NeedsQuotes) < 0;
}
