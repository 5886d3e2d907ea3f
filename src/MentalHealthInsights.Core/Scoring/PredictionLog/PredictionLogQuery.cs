namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>A time window of the prediction log: <c>From ≤ Timestamp &lt; To</c>.</summary>
/// <param name="From">Inclusive start; null = from the beginning.</param>
/// <param name="To">Exclusive end; null = up to now.</param>
/// <param name="ModelName">Only this model's predictions; null = all.</param>
public sealed record PredictionLogQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? ModelName = null
);
