namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// GET routes that answer HEAD too, as HTTP expects of every GET resource (RFC 9110 §9.3.2;
/// uptime checks and link checkers use it). Minimal APIs map a method per route, so HEAD got a
/// 405. Kestrel sends a HEAD response's headers (Content-Length included) without the body.
/// The HEAD twin is left out of the OpenAPI document; the group's conventions (rate limiting)
/// apply to both.
/// </summary>
internal static class GetAndHead
{
    private static readonly string[] Head = [HttpMethods.Head];

    /// <summary>Maps <paramref name="handler"/> for GET (returned, for its conventions) and HEAD.</summary>
    public static RouteHandlerBuilder MapGetAndHead(
        this IEndpointRouteBuilder routes,
        string pattern,
        Delegate handler
    )
    {
        routes.MapMethods(pattern, Head, handler).ExcludeFromDescription();
        return routes.MapGet(pattern, handler);
    }
}
