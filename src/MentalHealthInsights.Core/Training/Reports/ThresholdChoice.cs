namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>The decision threshold, chosen on (calibrated) out-of-fold predictions, never on the test part.</summary>
public sealed record ThresholdChoice
{
    /// <summary>The threshold: a probability is a positive call iff it is at least this.</summary>
    public required double Value { get; init; }

    /// <summary>The strategy in its stable text form, e.g. "max_f1" or "target_recall:0.8".</summary>
    public required string Strategy { get; init; }

    /// <summary>True when the strategy's objective was unreachable and 0.5 was used instead.</summary>
    public required bool IsFallback { get; init; }

    /// <summary>Why the fallback was used; null otherwise.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>Precision at the threshold on the out-of-fold predictions.</summary>
    public required double OutOfFoldPrecision { get; init; }

    /// <summary>Recall at the threshold on the out-of-fold predictions.</summary>
    public required double OutOfFoldRecall { get; init; }

    /// <summary>F1 at the threshold on the out-of-fold predictions.</summary>
    public required double OutOfFoldF1 { get; init; }
}
