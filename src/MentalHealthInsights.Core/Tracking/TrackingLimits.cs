namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// MLflow's limits (<c>mlflow/utils/validation.py</c>, identical in 2.17 and 3.6). Every adapter
/// enforces them so a run that logs locally also logs to a server.
/// </summary>
public static class TrackingLimits
{
    /// <summary>Metrics per log-batch call.</summary>
    public const int MaxMetricsPerBatch = 1000;

    /// <summary>Params per log-batch call.</summary>
    public const int MaxParamsPerBatch = 100;

    /// <summary>Tags per log-batch call.</summary>
    public const int MaxTagsPerBatch = 100;

    /// <summary>Metrics + params + tags per log-batch call.</summary>
    public const int MaxEntitiesPerBatch = 1000;

    /// <summary>MLflow's request body limit for log-batch (1 MB); <see cref="LogBatchSplitter"/> stays under it.</summary>
    public const int MaxBatchRequestBytes = 1_000_000;

    /// <summary>Metric, param and tag keys.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>Param values.</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>Run tag values.</summary>
    public const int MaxRunTagValueLength = 8000;

    /// <summary>Experiment names.</summary>
    public const int MaxExperimentNameLength = 500;

    /// <summary>Experiment tag values.</summary>
    public const int MaxExperimentTagValueLength = 5000;

    /// <summary>Registered model and model version tag values (MLflow 2.17's limit, the stricter one).</summary>
    public const int MaxRegistryTagValueLength = 5000;

    /// <summary>Model alias names.</summary>
    public const int MaxAliasLength = 255;
}
