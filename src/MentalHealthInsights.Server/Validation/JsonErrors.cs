using System.Globalization;
using System.Text.Json;

namespace MentalHealthInsights.Server.Validation;

/// <summary>Describes malformed JSON by position only (the exception text may quote the body).</summary>
internal static class JsonErrors
{
    public static string Describe(JsonException ex) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Malformed JSON near line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}."
        );
}
