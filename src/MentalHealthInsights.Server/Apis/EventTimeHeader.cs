using MentalHealthInsights.Core.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// The optional <see cref="Header"/> request header of POST /v1/predict, /v1/predict/batch and
/// /v1/labels: the simulated time to record in the prediction log instead of the server's clock,
/// so a replay of past days (<c>mhi simulate --replay</c>) lands in the right monitoring windows.
/// Because it backdates log entries it is accepted only together with the admin API key
/// (<see cref="AdminKey"/>, compared in constant time); without the key → 401, unparsable → 400.
/// </summary>
internal static class EventTimeHeader
{
    /// <summary>The header name; the value is one ISO 8601 timestamp (UTC when it has no offset).</summary>
    public const string Header = "X-Event-Time";

    /// <summary>Reads the header: null and no problem when it is absent.</summary>
    /// <returns>The problem to answer with, or null when the request may go on.</returns>
    public static ProblemHttpResult? Read(
        HttpRequest request,
        AdminKey key,
        out DateTimeOffset? eventTime
    )
    {
        eventTime = null;
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }
        if (!key.Accepts(request))
        {
            return TypedResults.Problem(
                detail: $"The {Header} header backdates prediction-log entries, so it needs the admin API key in the {AdminKey.Header} header"
                    + (key.IsConfigured ? "." : "; no key is configured (Admin:ApiKey)."),
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized."
            );
        }
        // Years 1900–9998: the log's monitoring windows are computed by adding days and weeks to
        // these times, which must not overflow DateTimeOffset's range (0001–9999).
        if (
            values.Count != 1
            || !MonitoringTime.TryParse(values[0], out var parsed)
            || parsed.Year is < 1900 or > 9998
        )
        {
            return Problems.BadRequest(
                "Invalid event time.",
                $"{Header} must be one ISO 8601 timestamp (years 1900–9998), e.g. 2026-01-05T12:00:00Z."
            );
        }
        eventTime = parsed;
        return null;
    }
}
