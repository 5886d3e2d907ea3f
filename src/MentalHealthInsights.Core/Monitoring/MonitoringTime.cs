using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>
/// Times people and scripts give for monitoring (window bounds, the scoring time written on
/// batch rows): ISO 8601, read as UTC when they carry no offset, returned in UTC. The one
/// reading for the CLI options and the pipeline parameters.
/// </summary>
public static class MonitoringTime
{
    /// <summary>An example for messages: <c>2026-11-30T00:00:00Z</c>.</summary>
    public const string Example = "2026-11-30T00:00:00Z";

    // ISO 8601 as people write it: a date, or a date and a time to the minute, second or a
    // fraction of one (up to 7 digits), 'T' or a space between them, an offset (Z, +02:00) or none.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Parses <paramref name="text"/>; false when it is null or not an ISO 8601 time. Exact
    /// formats only (<see cref="Formats"/>): the culture-lenient parse it replaced also took
    /// "1/2/2026", an RFC 1123 date or a bare "12:00" (today, by the clock of the machine).
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text?.Trim(),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value
        );
}
