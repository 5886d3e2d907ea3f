using System.Globalization;
using System.Text;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// Text from a store printed to a terminal: control characters (newlines, escape sequences)
/// are shown escaped, so a stored value can neither forge extra lines nor move the cursor.
/// </summary>
internal static class TerminalText
{
    /// <summary>True when <paramref name="text"/> holds a control character (C0, DEL or C1).</summary>
    public static bool HasControlCharacter(string text) => text.Any(char.IsControl);

    /// <summary><paramref name="text"/> with each control character written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>.</summary>
    public static string Escape(string? text)
    {
        if (text is null || !HasControlCharacter(text))
        {
            return text ?? string.Empty;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(
                c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when char.IsControl(c) => string.Create(
                        CultureInfo.InvariantCulture,
                        $"\\u{(int)c:x4}"
                    ),
                    _ => c.ToString(),
                }
            );
        }
        return escaped.ToString();
    }
}
