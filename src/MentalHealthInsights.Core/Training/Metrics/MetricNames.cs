namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Stable metric keys (snake_case, as MLflow users expect) used by <see cref="MetricSet.AsDictionary"/>,
/// bootstrap intervals, cross-validation summaries, paired tests and tracking.
/// </summary>
public static class MetricNames
{
    /// <summary>(TP + TN) / n at the decision threshold.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>TP / (TP + FP) at the decision threshold.</summary>
    public const string Precision = "precision";

    /// <summary>TP / (TP + FN) at the decision threshold.</summary>
    public const string Recall = "recall";

    /// <summary>F1 at the decision threshold.</summary>
    public const string F1 = "f1";

    /// <summary>Area under the ROC curve (threshold-free).</summary>
    public const string RocAuc = "roc_auc";

    /// <summary>Average precision (threshold-free).</summary>
    public const string PrAuc = "pr_auc";

    /// <summary>Mean log loss (threshold-free, lower is better).</summary>
    public const string LogLoss = "log_loss";

    /// <summary>Brier score (threshold-free, lower is better).</summary>
    public const string BrierScore = "brier_score";

    /// <summary>True-positive count at the decision threshold.</summary>
    public const string TruePositives = "true_positives";

    /// <summary>False-positive count at the decision threshold (lower is better).</summary>
    public const string FalsePositives = "false_positives";

    /// <summary>True-negative count at the decision threshold.</summary>
    public const string TrueNegatives = "true_negatives";

    /// <summary>False-negative count at the decision threshold (lower is better).</summary>
    public const string FalseNegatives = "false_negatives";

    /// <summary>Every metric of a <see cref="MetricSet"/>, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Accuracy,
        Precision,
        Recall,
        F1,
        RocAuc,
        PrAuc,
        LogLoss,
        BrierScore,
        TruePositives,
        FalsePositives,
        TrueNegatives,
        FalseNegatives,
    ];

    /// <summary>True when a larger value is better (false for losses and error counts).</summary>
    /// <exception cref="ArgumentException">Unknown metric name.</exception>
    public static bool HigherIsBetter(string name) =>
        IndexOf(name) switch
        {
            6 or 7 or 9 or 11 => false,
            _ => true,
        };

    /// <summary>Position of <paramref name="name"/> in <see cref="All"/>.</summary>
    internal static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"Unknown metric '{name}'. Known metrics: {string.Join(", ", All)}.",
            nameof(name)
        );
    }
}
