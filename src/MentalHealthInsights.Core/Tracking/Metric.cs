namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// One metric observation. A run keeps the full history per key; <see cref="RunData.Metrics"/>
/// holds the latest one (highest step, then timestamp, then value, as MLflow decides).
/// </summary>
/// <param name="Key">Metric name (≤ 250 characters; letters, digits, <c>_ - . / :</c> and spaces).</param>
/// <param name="Value">The value; NaN and infinities are allowed.</param>
/// <param name="TimestampMs">Milliseconds since the Unix epoch (required, as MLflow requires it).</param>
/// <param name="Step">The step (fold, epoch, trial); 0 when the metric has no steps.</param>
public sealed record Metric(string Key, double Value, long TimestampMs, long Step = 0);
