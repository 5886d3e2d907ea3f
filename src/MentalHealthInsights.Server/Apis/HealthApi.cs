using MentalHealthInsights.Server.Apis.Contracts;
using MentalHealthInsights.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>GET /health/live (the process runs) and GET /health/ready (a verified model serves).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health
            .MapGetAndHead("/live", () => TypedResults.Ok(new HealthResponse("live", null)))
            .WithName("Live")
            .WithSummary("200 while the process runs.");
        health
            .MapGetAndHead("/ready", Ready)
            .WithName("Ready")
            .WithSummary("200 once a verified model is loaded; 503 before.")
            .NeedsModel();
        return app;
    }

    private static Results<Ok<HealthResponse>, ProblemHttpResult> Ready(
        HttpContext context,
        ModelSlot slot
    )
    {
        if (slot.Current is not { } model)
        {
            context.Response.Headers.RetryAfter = "5";
            return Problems.NotReady();
        }
        return TypedResults.Ok(new HealthResponse("ready", model.Identity));
    }
}
