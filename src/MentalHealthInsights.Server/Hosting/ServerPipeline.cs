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
        // One step before everything else: the request id is set as the response starts, so an
        // error response carries it too (the exception handler clears the headers set before
        // it); and a method that is not a standard one is refused — Kestrel takes any token as
        // a method, and prometheus-net labels its series by method, so made-up ones would add
        // series to /metrics for every name a client invents.
        app.Use(
            (context, next) =>
            {
                context.Response.OnStarting(SetRequestId, context);
                return IsStandardMethod(context.Request.Method)
                    ? next(context)
                    : RefuseMethod(context, metrics);
            }
        );
        // Outside the exception handler, so a request that failed is counted with the status it
        // was answered with (500), not the 200 the response still had when the exception passed.
        // Its endpoint label is empty: the handler clears the endpoint to write its response
        // (a known prometheus-net limitation, issue #177; restoring the endpoint did not help).
        app.UseHttpMetrics(options =>
            options.SetMetricFactory(Metrics.WithCustomRegistry(metrics.Registry))
        );
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
        app.UseStatusCodePages(StatusCodePages());
        // With RateLimiting:PermitLimit = 0 (off) the limiter middleware is skipped altogether
        // instead of running a no-op partition per request. Decided on the first request, when
        // every configuration source (a test host's too) is in place; the options never change.
        var limiting = new Lazy<bool>(() =>
            app.Services.GetRequiredService<RateLimitingOptions>().PermitLimit > 0
        );
        app.UseWhen(_ => limiting.Value, limited => limited.UseRateLimiter());
        return app;
    }

    /// <summary>
    /// The problem for a status answered without a body. 415: routing answers it bare for a
    /// content type that the endpoint's declared application/json excludes (text/plain, a form),
    /// before the endpoint's own check could say what to send. 404 (no route, or an unknown
    /// asset) and 405 (routing's, with its Allow header) get a detail saying what is wrong; the
    /// framework's problem for them had none. Other statuses, and a client whose Accept takes
    /// no JSON (e.g. only text/html), get the framework's answer (a problem, or its plain text).
    /// </summary>
    private static StatusCodePagesOptions StatusCodePages()
    {
        var options = new StatusCodePagesOptions();
        var standard = options.HandleAsync;
        options.HandleAsync = async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            if (status == StatusCodes.Status415UnsupportedMediaType)
            {
                await Problems.UnsupportedMediaType().ExecuteAsync(http);
                return;
            }
            if (
                RoutingProblemDetail(http) is { } detail
                && await http
                    .RequestServices.GetRequiredService<IProblemDetailsService>()
                    .TryWriteAsync(
                        new ProblemDetailsContext
                        {
                            HttpContext = http,
                            ProblemDetails = { Status = status, Detail = detail },
                        }
                    )
            )
            {
                return;
            }
            await standard(context);
        };
        return options;
    }

    /// <summary>The detail of a bare 404 or 405, else null.</summary>
    private static string? RoutingProblemDetail(HttpContext context) =>
        context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound =>
                "Nothing is found at this path; the API's endpoints are listed in /openapi/v1.json.",
            // The method is a standard one: the first middleware answers others with 501.
            StatusCodes.Status405MethodNotAllowed => context.Response.Headers.Allow.ToString()
                is { Length: > 0 } allow
                ? $"{context.Request.Method} is not allowed at this path; allowed: {allow}."
                : $"{context.Request.Method} is not allowed at this path.",
            _ => null,
        };

    private static Task SetRequestId(object state)
    {
        var context = (HttpContext)state;
        context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
        return Task.CompletedTask;
    }

    private static bool IsStandardMethod(string method) =>
        HttpMethods.IsGet(method)
        || HttpMethods.IsPost(method)
        || HttpMethods.IsHead(method)
        || HttpMethods.IsPut(method)
        || HttpMethods.IsDelete(method)
        || HttpMethods.IsPatch(method)
        || HttpMethods.IsOptions(method)
        || HttpMethods.IsTrace(method)
        || HttpMethods.IsConnect(method);

    private static Task RefuseMethod(HttpContext context, ServerMetrics metrics)
    {
        metrics.UnknownMethods.Inc();
        return TypedResults
            .Problem(
                detail: "The method is not a standard HTTP method.",
                statusCode: StatusCodes.Status501NotImplemented,
                title: "Method not implemented."
            )
            .ExecuteAsync(context);
    }

    public static WebApplication MapMentalHealthServer(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        app.MapHealthApi();
        var v1 = app.MapGroup("/v1").WithTags("Predictions").RateLimited();
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
