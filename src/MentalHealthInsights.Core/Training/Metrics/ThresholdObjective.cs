namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>What a decision threshold is chosen for; see <see cref="ThresholdSelector"/>.</summary>
public enum ThresholdObjective
{
    /// <summary>Maximise F1 (the default).</summary>
    MaxF1,

    /// <summary>The highest threshold whose recall reaches a target.</summary>
    TargetRecall,

    /// <summary>The lowest threshold whose precision reaches a target.</summary>
    TargetPrecision,
}
