using MentalHealthInsights.Infrastructure.Http;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>Inputs of <see cref="TrackingBackendFactory.Create"/>.</summary>
public sealed record TrackingBackendOptions
{
    /// <summary>The tracking URI (<c>MLFLOW_TRACKING_URI</c>); null or blank → the local default.</summary>
    public string? TrackingUri { get; init; }

    /// <summary>The registry URI (<c>MLFLOW_REGISTRY_URI</c>); null or blank → the tracking URI.</summary>
    public string? RegistryUri { get; init; }

    /// <summary>
    /// Where new experiments of a local (SQLite) store keep their run artifacts
    /// (<c>MHI_ARTIFACT_URI</c> or <c>--artifacts</c>): <c>s3://bucket/prefix</c> or a local
    /// folder. Null or blank → <c>mlartifacts/</c> beside the database. Experiments created
    /// earlier keep their location, as in MLflow. Not allowed with an MLflow server, which
    /// chooses its own artifact root.
    /// </summary>
    public string? ArtifactUri { get; init; }

    /// <summary>The S3 client for <c>s3://</c> artifacts; null → one configured by the environment (AWS_*).</summary>
    public S3Connection? S3 { get; init; }

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

    /// <summary>Retry policy for an MLflow server; null → <see cref="HttpRetryOptions"/> defaults.</summary>
    public HttpRetryOptions? Retry { get; init; }
}
