using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>
/// Page tokens as MLflow's SQL store makes them: base64 of <c>{"offset": N}</c>. Opaque to
/// callers; a token that does not decode → INVALID_PARAMETER_VALUE.
/// </summary>
internal static class OffsetPageToken
{
    private const string Prefix = "{\"offset\": ";

    public static string Encode(int offset) =>
        Convert.ToBase64String(
            Encoding.UTF8.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{Prefix}{offset}}}")
            )
        );

    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (
                text.StartsWith(Prefix, StringComparison.Ordinal)
                && text.EndsWith('}')
                && int.TryParse(
                    text.AsSpan(Prefix.Length, text.Length - Prefix.Length - 1),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var offset
                )
            )
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }
        throw new TrackingException(
            TrackingErrorCode.InvalidParameterValue,
            "Invalid page token: it was not returned by this store."
        );
    }

    /// <summary>Checks a page size against 1..<paramref name="max"/>.</summary>
    public static void ValidateMaxResults(int maxResults, int max)
    {
        if (maxResults < 1 || maxResults > max)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Invalid value {maxResults} for parameter 'max_results' supplied. It must be between 1 and {max}."
                )
            );
        }
    }
}
