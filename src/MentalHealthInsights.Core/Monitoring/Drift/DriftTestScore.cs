namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>What one drift test computed.</summary>
/// <param name="Score">The drift score Evidently reports (a p-value or a distance).</param>
/// <param name="Statistic">The underlying test statistic (equal to the score for distances).</param>
public readonly record struct DriftTestScore(double Score, double Statistic);
