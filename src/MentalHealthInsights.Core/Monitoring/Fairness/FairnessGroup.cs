namespace MentalHealthInsights.Core.Monitoring.Fairness;

/// <summary>
/// Fairlearn's base metrics for one group (spec §3.1). TPR and FPR follow Fairlearn's
/// <c>confusion_matrix(normalize="true")</c>: a group without positives has TPR 0 (not NaN), one
/// without negatives has FPR 0. F1 is 0 when TP + FP + FN = 0 (scikit-learn's zero_division).
/// Without outcomes TPR, FPR and F1 are NaN.
/// </summary>
/// <param name="Group">The group value (or "(missing)").</param>
/// <param name="Rows">Rows in the group.</param>
/// <param name="LabelledRows">Rows with an outcome (used by TPR, FPR, F1).</param>
/// <param name="Positives">Labelled rows whose outcome is positive.</param>
/// <param name="SelectionRate">Share predicted positive (all rows).</param>
/// <param name="TruePositiveRate">TP / (TP + FN).</param>
/// <param name="FalsePositiveRate">FP / (FP + TN).</param>
/// <param name="F1">F1 of the positive class.</param>
/// <param name="Small">Fewer rows than the minimum group size: shown, not compared.</param>
public sealed record FairnessGroup(
    string Group,
    int Rows,
    int LabelledRows,
    int Positives,
    double SelectionRate,
    double TruePositiveRate,
    double FalsePositiveRate,
    double F1,
    bool Small
);
