using MentalHealthInsights.Server.Hosting;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// The statuses an endpoint answers for a reason it shares with others, declared once so the
/// OpenAPI document lists each wherever the server can answer it.
/// </summary>
internal static class EndpointDocs
{
    /// <summary>Rate limited per client IP (429 with Retry-After).</summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireRateLimiting(ServerRateLimiting.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Needs a loaded model (503 with Retry-After before one is).</summary>
    public static RouteHandlerBuilder NeedsModel(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Reads a JSON body of <typeparamref name="TRequest"/> (413 over the limit, 415 not JSON).</summary>
    public static RouteHandlerBuilder AcceptsJson<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : notnull =>
        builder
            .Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Requires the admin API key (401 without it).</summary>
    public static RouteHandlerBuilder NeedsAdminKey(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized);
}
