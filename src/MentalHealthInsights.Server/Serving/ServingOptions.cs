namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// What the server serves and its request limits (configuration section <c>Serving</c>;
/// environment <c>Serving__Model</c>; flags <c>--model</c>, <c>--tracking-uri</c>, …).
/// </summary>
internal sealed record ServingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Serving";

    /// <summary>The default model reference: the training job's registered model at its champion alias.</summary>
    public const string DefaultModel = "models:/mental-health-classifier@champion";

    /// <summary>
    /// <c>models:/NAME@ALIAS</c>, <c>models:/NAME/VERSION</c>, or a bundle folder or .mhib path.
    /// Default <see cref="DefaultModel"/>.
    /// </summary>
    public string Model { get; init; } = DefaultModel;

    /// <summary>Tracking store for <c>models:/</c> references; null = MLFLOW_TRACKING_URI, else ./mlruns.db.</summary>
    public string? TrackingUri { get; init; }

    /// <summary>Where registry bundles are downloaded to. Default: a folder under the temp directory.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Most records in one <c>/v1/predict/batch</c> request. Default 1,000.</summary>
    public int MaxBatchRecords { get; init; } = 1000;

    /// <summary>Largest request body, in bytes, for one-record endpoints (413 above it). Default 64 KiB.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Largest body for <c>/v1/predict/batch</c> and <c>/v1/labels</c>, in bytes. Default 1 MiB.</summary>
    public int MaxBatchBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How many contributing factors a prediction explains by default (1–9). Default 5.</summary>
    public int TopFactors { get; init; } = 5;

    /// <summary>
    /// How often to check whether the reference now names another bundle (registry alias moved,
    /// bundle file replaced) and reload; null or zero = no watch (default).
    /// </summary>
    public TimeSpan? WatchInterval { get; init; }

    /// <summary>How long to wait before retrying a failed start-up load. Default 5 s.</summary>
    public TimeSpan LoadRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The cache folder to use (<see cref="CacheDirectory"/> or the default).</summary>
    public string ResolvedCacheDirectory =>
        CacheDirectory ?? Path.Combine(Path.GetTempPath(), "mhi-serve-cache");

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    public string? FindProblem() =>
        string.IsNullOrWhiteSpace(Model) ? "Serving:Model must name a model."
        : MaxBatchRecords < 1 ? "Serving:MaxBatchRecords must be at least 1."
        : MaxBodyBytes < 1024 ? "Serving:MaxBodyBytes must be at least 1024."
        : MaxBatchBodyBytes < MaxBodyBytes
            ? "Serving:MaxBatchBodyBytes must be at least MaxBodyBytes."
        : TopFactors is < 1 or > 9 ? "Serving:TopFactors must be between 1 and 9."
        : LoadRetryInterval <= TimeSpan.Zero ? "Serving:LoadRetryInterval must be positive."
        : null;
}
