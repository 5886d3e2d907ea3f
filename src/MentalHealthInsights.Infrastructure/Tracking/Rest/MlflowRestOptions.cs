using MentalHealthInsights.Infrastructure.Http;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

/// <summary>
/// How to reach an MLflow tracking server. Auth as MLflow's Python client: a token
/// (<c>MLFLOW_TRACKING_TOKEN</c>) is sent as <c>Bearer</c>; otherwise a user name and password
/// (<c>MLFLOW_TRACKING_USERNAME</c>/<c>MLFLOW_TRACKING_PASSWORD</c>) as <c>Basic</c>; otherwise nothing.
/// </summary>
public sealed record MlflowRestOptions
{
    /// <summary>The server root, e.g. <c>http://mlflow:5000</c> (a path prefix is kept).</summary>
    public required Uri ServerUri { get; init; }

    /// <summary>Bearer token; wins over basic credentials when set.</summary>
    public string? Token { get; init; }

    /// <summary>Basic-auth user name.</summary>
    public string? BasicAuthUser { get; init; }

    /// <summary>Basic-auth password.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>Retry policy.</summary>
    public HttpRetryOptions Retry { get; init; } = new();

    /// <summary>Recorded as the author of alias changes when a note names nobody (default empty → <c>unknown</c>).</summary>
    public string UserName { get; init; } = "";
}
