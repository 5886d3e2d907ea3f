using System.Globalization;
using System.Threading.RateLimiting;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>ASP.NET Core's rate limiter, one fixed window per client IP, answering 429 + Retry-After as RFC 7807.</summary>
internal static class ServerRateLimiting
{
    public const string PolicyName = "per-client-ip";

    public static IServiceCollection AddServerRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(
                PolicyName,
                context =>
                {
                    var options = context.RequestServices.GetRequiredService<RateLimitingOptions>();
                    if (options.PermitLimit == 0)
                    {
                        return RateLimitPartition.GetNoLimiter("off");
                    }
                    var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    return RateLimitPartition.GetFixedWindowLimiter(
                        client,
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PermitLimit,
                            Window = options.Window,
                            QueueLimit = 0,
                        }
                    );
                }
            );
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var options =
                    rejected.HttpContext.RequestServices.GetRequiredService<RateLimitingOptions>();
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
                    : (int)Math.Ceiling(options.Window.TotalSeconds);
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults
                    .Problem(
                        detail: $"Too many requests from this client; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s.",
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Rate limit exceeded."
                    )
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
}
