namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>Evaluates a <see cref="DriftComparison"/>.</summary>
public static class DriftComparisons
{
    /// <summary>
    /// True when <paramref name="score"/> means drift under <paramref name="comparison"/>. A NaN
    /// score is never drift (the column result carries the reason instead).
    /// </summary>
    public static bool IsDrift(DriftComparison comparison, double score, double threshold) =>
        comparison switch
        {
            DriftComparison.PValueAtMost => score <= threshold,
            DriftComparison.PValueBelow => score < threshold,
            DriftComparison.DistanceAtLeast => score >= threshold,
            DriftComparison.DistanceAbove => score > threshold,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
        };

    /// <summary>True when the score is a p-value (small means drift).</summary>
    public static bool IsPValue(DriftComparison comparison) =>
        comparison is DriftComparison.PValueAtMost or DriftComparison.PValueBelow;
}
