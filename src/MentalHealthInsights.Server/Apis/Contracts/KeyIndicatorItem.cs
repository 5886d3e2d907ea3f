namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// One ranked key indicator of a model, from its training run's training.json: how much the model
/// relies on the column (mean drop in test ROC AUC when it is permuted) and the direction of its
/// association in words. An association learned from data, not a cause.
/// </summary>
/// <param name="Rank">1 = the model relies on it most.</param>
/// <param name="Column">The input column.</param>
/// <param name="Importance">Mean AUC drop when permuted; null when it could not be measured.</param>
/// <param name="ImportanceStandardDeviation">Its standard deviation over the repeats; null when unknown.</param>
/// <param name="Direction">"HigherRisk", "LowerRisk" or "None" (the training report's EffectDirection).</param>
/// <param name="DirectionText">The direction in words, e.g. "higher Stress_Level → higher risk".</param>
internal sealed record KeyIndicatorItem(
    int Rank,
    string Column,
    double? Importance,
    double? ImportanceStandardDeviation,
    string Direction,
    string DirectionText
);
