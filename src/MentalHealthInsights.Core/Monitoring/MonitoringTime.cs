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

    /// <summary>Parses <paramref name="text"/>; false when it is null or not an ISO 8601 time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value
        );
}
