namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// The outcome of <see cref="ThresholdSelector"/>. When the objective cannot be met
/// (<see cref="IsReachable"/> false) <see cref="Threshold"/> is NaN, <see cref="Confusion"/> is
/// empty and <see cref="Reason"/> says why; callers must then fall back explicitly (e.g. to
/// <see cref="ThresholdStrategy.MaxF1"/>) rather than use a silent default.
/// </summary>
/// <param name="Strategy">The strategy that was applied.</param>
/// <param name="IsReachable">True when a threshold meeting the objective exists.</param>
/// <param name="Threshold">Chosen threshold (positive iff probability &gt;= threshold); one of the predicted values; NaN when unreachable.</param>
/// <param name="Confusion">Counts at <paramref name="Threshold"/> on the data the threshold was chosen on.</param>
/// <param name="Reason">Why the objective is unreachable; null when reachable.</param>
public sealed record ThresholdSelection(
    ThresholdStrategy Strategy,
    bool IsReachable,
    double Threshold,
    ConfusionMatrix Confusion,
    string? Reason
)
{
    /// <summary>Precision at the chosen threshold.</summary>
    public double Precision => Confusion.Precision;

    /// <summary>Recall at the chosen threshold.</summary>
    public double Recall => Confusion.Recall;

    /// <summary>F1 at the chosen threshold.</summary>
    public double F1 => Confusion.F1;

    internal static ThresholdSelection Unreachable(ThresholdStrategy strategy, string reason) =>
        new(strategy, false, double.NaN, default, reason);
}
