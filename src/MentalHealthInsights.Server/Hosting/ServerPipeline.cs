using MentalHealthInsights.Server.Apis;
using MentalHealthInsights.Server.Serving;
using Prometheus;
using Scalar.AspNetCore;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>The middleware order and the endpoint table of the server.</summary>
internal static class ServerPipeline
{
    /// <summary>The response header carrying the request id (also in every log line's scope).</summary>
    public const string RequestIdHeader = "X-Request-Id";

    public static WebApplication UseMentalHealthServer(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        app.UseExceptionHandler(
            new ExceptionHandlerOptions
            {
                // Kestrel's request errors (e.g. body over its cap) keep their 4xx status.
                StatusCodeSelector = ex =>
                    ex is BadHttpRequestException bad
                        ? bad.StatusCode
                        : StatusCodes.Status500InternalServerError,
            }
        );
        app.UseStatusCodePages();
        app.Use(
            (context, next) =>
            {
                context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
                return next(context);
            }
        );
        app.UseHttpMetrics(options =>
            options.SetMetricFactory(Metrics.WithCustomRegistry(metrics.Registry))
        );
        // With RateLimiting:PermitLimit = 0 (off) the limiter middleware is skipped altogether
        // instead of running a no-op partition per request. Decided on the first request, when
        // every configuration source (a test host's too) is in place; the options never change.
        var limiting = new Lazy<bool>(() =>
            app.Services.GetRequiredService<RateLimitingOptions>().PermitLimit > 0
        );
        app.UseWhen(_ => limiting.Value, limited => limited.UseRateLimiter());
        return app;
    }

    public static WebApplication MapMentalHealthServer(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        app.MapHealthApi();
        var v1 = app.MapGroup("/v1")
            .WithTags("Predictions")
            .RequireRateLimiting(ServerRateLimiting.PolicyName);
        v1.MapPredictApi()
            .MapWhatIfApi()
            .MapModelApi()
            .MapRegistryApi()
            .MapLabelsApi()
            .MapAdminApi();
        app.MapMonitoringApi();
        app.MapPipelinesApi();
        app.MapMetrics("/metrics", metrics.Registry);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(
            "/docs",
            scalar => scalar.WithTitle("Mental Health Insights API").DisableDefaultFonts()
        );
        app.MapPages();
        return app;
    }
}
