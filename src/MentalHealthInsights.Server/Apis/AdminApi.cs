using MentalHealthInsights.Server.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// POST /v1/admin/reload (X-Api-Key): loads what the configured reference names now (e.g. the
/// current champion), verifies and probes it, then swaps it in atomically; requests in flight
/// finish on the old model. A bad bundle leaves the old one serving and answers 422.
/// </summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/admin/reload", ReloadAsync)
            .WithName("Reload")
            .WithSummary("Reloads the configured model reference (requires the X-Api-Key header).")
            .NeedsAdminKey()
            // The new bundle failed verification; the old model still serves.
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return v1;
    }

    private static async Task<Results<Ok<ReloadOutcome>, ProblemHttpResult>> ReloadAsync(
        HttpContext context,
        AdminKey key,
        ModelReloader reloader,
        CancellationToken cancellationToken
    )
    {
        if (!key.Accepts(context.Request))
        {
            return Unauthorized(key);
        }
        var outcome = await reloader.ReloadAsync("admin reload", cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(outcome)
            : TypedResults.Problem(
                detail: outcome.Error
                    + " The previous model ("
                    + (outcome.CurrentVersion ?? "none")
                    + ") still serves.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The new model failed verification."
            );
    }

    internal static ProblemHttpResult Unauthorized(AdminKey key) =>
        TypedResults.Problem(
            detail: key.IsConfigured
                ? $"Send the admin API key in the {AdminKey.Header} header."
                : "No admin API key is configured (Admin:ApiKey), so admin calls are refused.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized."
        );
}
