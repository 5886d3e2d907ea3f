namespace MentalHealthInsights.Core.Tracking;

/// <summary>A mutable run tag. Keys starting with <c>mlflow.</c> are MLflow's (see <see cref="MlflowTagKeys"/>).</summary>
/// <param name="Key">Name (≤ 250 characters).</param>
/// <param name="Value">Value (≤ 8000 characters).</param>
public sealed record RunTag(string Key, string Value);
