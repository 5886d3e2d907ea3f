namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Every test-set metric of one model at one decision threshold. Threshold metrics
/// (accuracy, precision, recall, F1) come from <see cref="Confusion"/>; ranking and probability
/// metrics do not depend on the threshold. NaN marks an undefined metric (AUC with one class
/// absent, AP with no positives).
/// </summary>
/// <param name="Threshold">Decision threshold: positive iff probability &gt;= threshold.</param>
/// <param name="Confusion">Counts at <paramref name="Threshold"/>.</param>
/// <param name="RocAuc">See <see cref="BinaryMetrics.RocAuc"/>.</param>
/// <param name="PrAuc">Average precision, see <see cref="BinaryMetrics.AveragePrecision"/>.</param>
/// <param name="LogLoss">See <see cref="BinaryMetrics.LogLoss"/>.</param>
/// <param name="BrierScore">See <see cref="BinaryMetrics.BrierScore"/>.</param>
public sealed record MetricSet(
    double Threshold,
    ConfusionMatrix Confusion,
    double RocAuc,
    double PrAuc,
    double LogLoss,
    double BrierScore
)
{
    /// <summary>See <see cref="ConfusionMatrix.Accuracy"/>.</summary>
    public double Accuracy => Confusion.Accuracy;

    /// <summary>See <see cref="ConfusionMatrix.Precision"/> (0 with no predicted positives).</summary>
    public double Precision => Confusion.Precision;

    /// <summary>See <see cref="ConfusionMatrix.Recall"/>.</summary>
    public double Recall => Confusion.Recall;

    /// <summary>See <see cref="ConfusionMatrix.F1"/>.</summary>
    public double F1 => Confusion.F1;

    /// <summary>
    /// Computes every metric. One sort of the probabilities serves both AUCs.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="probabilities">Probabilities of the positive class in [0, 1].</param>
    /// <param name="threshold">Decision threshold (positive iff p &gt;= threshold), not NaN.</param>
    /// <exception cref="ArgumentException">Empty or mismatched input, a probability outside [0, 1], a NaN threshold.</exception>
    public static MetricSet Compute(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double threshold
    )
    {
        InputGuard.LabelsAndProbabilities(labels, probabilities);
        InputGuard.Threshold(threshold);
        return new MetricEvaluator(labels, probabilities, threshold).Evaluate();
    }

    /// <summary>
    /// The metrics keyed by <see cref="MetricNames"/>, in <see cref="MetricNames.All"/> order
    /// (counts as doubles), for reports, tracking and summaries.
    /// </summary>
    public IReadOnlyDictionary<string, double> AsDictionary()
    {
        var values = new double[MetricNames.All.Count];
        WriteTo(values);
        var dictionary = new Dictionary<string, double>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            dictionary.Add(MetricNames.All[i], values[i]);
        }

        return dictionary;
    }

    /// <summary>One metric by its <see cref="MetricNames"/> key.</summary>
    /// <exception cref="ArgumentException">Unknown metric name.</exception>
    public double Get(string name)
    {
        Span<double> values = stackalloc double[MetricNames.All.Count];
        WriteTo(values);
        return values[MetricNames.IndexOf(name)];
    }

    /// <summary>Writes the metrics in <see cref="MetricNames.All"/> order.</summary>
    internal void WriteTo(Span<double> values) =>
        Write(values, Confusion, RocAuc, PrAuc, LogLoss, BrierScore);

    /// <summary>Writes metrics in <see cref="MetricNames.All"/> order without building a set.</summary>
    internal static void Write(
        Span<double> values,
        ConfusionMatrix confusion,
        double rocAuc,
        double prAuc,
        double logLoss,
        double brierScore
    )
    {
        values[0] = confusion.Accuracy;
        values[1] = confusion.Precision;
        values[2] = confusion.Recall;
        values[3] = confusion.F1;
        values[4] = rocAuc;
        values[5] = prAuc;
        values[6] = logLoss;
        values[7] = brierScore;
        values[8] = confusion.TruePositives;
        values[9] = confusion.FalsePositives;
        values[10] = confusion.TrueNegatives;
        values[11] = confusion.FalseNegatives;
    }
}
