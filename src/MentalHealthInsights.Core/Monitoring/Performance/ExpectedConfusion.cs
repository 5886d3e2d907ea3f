namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>
/// NannyML's expected confusion matrix of a chunk (spec §2.2): with calibrated p̂ = P(y = 1),
/// TP = Σ_{ŷ=1} p̂, FP = Σ_{ŷ=1} (1 − p̂), FN = Σ_{ŷ=0} p̂, TN = Σ_{ŷ=0} (1 − p̂). The metrics are
/// ratios of expectations; a zero denominator gives 0 (NannyML's convention).
/// </summary>
public readonly record struct ExpectedConfusion(
    double TruePositives,
    double FalsePositives,
    double FalseNegatives,
    double TrueNegatives
)
{
    /// <summary>Builds the matrix from calibrated probabilities and the model's labels.</summary>
    public static ExpectedConfusion From(ReadOnlySpan<double> calibrated, ReadOnlySpan<bool> labels)
    {
        double tp = 0,
            fp = 0,
            fn = 0,
            tn = 0;
        for (int i = 0; i < calibrated.Length; i++)
        {
            double p = calibrated[i];
            if (labels[i])
            {
                tp += p;
                fp += 1 - p;
            }
            else
            {
                fn += p;
                tn += 1 - p;
            }
        }
        return new ExpectedConfusion(tp, fp, fn, tn);
    }

    /// <summary>Rows.</summary>
    public double Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>(TP + TN) / n.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>TN / (TN + FP).</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>TP / (TP + ½(FP + FN)).</summary>
    public double F1 =>
        Ratio(TruePositives, TruePositives + 0.5 * (FalsePositives + FalseNegatives));

    private static double Ratio(double numerator, double denominator) =>
        denominator == 0 ? 0 : numerator / denominator;
}
