namespace MentalHealthInsights.Core.Tracking;

/// <summary>What a run has logged (MLflow's <c>RunData</c>); dictionaries use ordinal keys.</summary>
public sealed record RunData
{
    /// <summary>The latest value per metric key (highest step, then timestamp, then value).</summary>
    public IReadOnlyDictionary<string, Metric> Metrics { get; init; } =
        new Dictionary<string, Metric>(StringComparer.Ordinal);

    /// <summary>Parameters by key.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Tags by key, system tags (<c>mlflow.*</c>) included.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
