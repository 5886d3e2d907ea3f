using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>Inputs of <see cref="TrackingBackendFactory.Create"/>.</summary>
public sealed record TrackingBackendOptions
{
    /// <summary>The tracking URI (<c>MLFLOW_TRACKING_URI</c>); null or blank → the local default.</summary>
    public string? TrackingUri { get; init; }

    /// <summary>The registry URI (<c>MLFLOW_REGISTRY_URI</c>); null or blank → the tracking URI.</summary>
    public string? RegistryUri { get; init; }

    /// <summary>Relative paths resolve against this folder (default: the current directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Recorded as the user of model versions and alias changes (default empty → <c>unknown</c>).</summary>
    public string UserName { get; init; } = "";

    /// <summary>Bearer token for an MLflow server (<c>MLFLOW_TRACKING_TOKEN</c>); wins over basic auth.</summary>
    public string? Token { get; init; }

    /// <summary>Basic-auth user for an MLflow server (<c>MLFLOW_TRACKING_USERNAME</c>).</summary>
    public string? BasicAuthUser { get; init; }

    /// <summary>Basic-auth password for an MLflow server (<c>MLFLOW_TRACKING_PASSWORD</c>).</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>Retry policy for an MLflow server; null → <see cref="MlflowRetryOptions"/> defaults.</summary>
    public MlflowRetryOptions? Retry { get; init; }
}
