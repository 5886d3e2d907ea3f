using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Monitoring.Performance;

public sealed partial class CbpeEstimator
{
    /// <summary>
    /// NannyML's sampling-error components (spec §2.4), population standard deviations (ddof 0)
    /// on the labelled reference: σ and the fraction f_ref per metric.
    /// </summary>
    internal static Dictionary<string, (double Sigma, double Fraction)> SamplingErrorComponents(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<bool> outcomes,
        ReadOnlySpan<double> scores
    )
    {
        int n = labels.Length;
        var correct = new List<double>(n);
        var precision = new List<double>();
        var recall = new List<double>();
        long tp = 0,
            fp = 0,
            fn = 0;
        for (int i = 0; i < n; i++)
        {
            correct.Add(labels[i] == outcomes[i] ? 1 : 0);
            if (labels[i])
            {
                precision.Add(outcomes[i] ? 1 : 0);
            }
            if (outcomes[i])
            {
                recall.Add(labels[i] ? 1 : 0);
            }
            if (labels[i] && outcomes[i])
            {
                tp++;
            }
            else if (labels[i])
            {
                fp++;
            }
            else if (outcomes[i])
            {
                fn++;
            }
        }
        double f1Scale = (tp + fn + fp) / (tp + 0.5 * (fn + fp));
        var f1 = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (labels[i] || outcomes[i])
            {
                f1.Add(labels[i] && outcomes[i] ? f1Scale : 0);
            }
        }
        long positives = tp + fn;
        return new Dictionary<string, (double, double)>(StringComparer.Ordinal)
        {
            [MetricNames.Accuracy] = (PopulationStd(correct), 1),
            [MetricNames.Precision] = (PopulationStd(precision), (double)(tp + fp) / n),
            [MetricNames.Recall] = (PopulationStd(recall), (double)positives / n),
            [MetricNames.F1] = (PopulationStd(f1), (double)(tp + fn + fp) / n),
            [MetricNames.RocAuc] = (AucSigma(outcomes, scores), (double)positives / n),
        };
    }

    /// <summary>
    /// σ of the AUC components: flip when mean(y) &gt; 0.5; sort by p; for the i-th positive at
    /// rank r (ranks 0…n−1, a positive at rank 0 dropped as NannyML's nonzero filter does),
    /// ser_i = r − i negatives below it; σ = std(ser / n_neg).
    /// </summary>
    internal static double AucSigma(ReadOnlySpan<bool> outcomes, ReadOnlySpan<double> scores)
    {
        int n = outcomes.Length;
        double mean = 0;
        foreach (bool y in outcomes)
        {
            mean += y ? 1 : 0;
        }
        mean /= n;
        bool flip = mean > 0.5;
        var p = new double[n];
        var y01 = new bool[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = flip ? 1 - scores[i] : scores[i];
            y01[i] = flip ? !outcomes[i] : outcomes[i];
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort((double[])p.Clone(), order);
        var components = new List<double>();
        int negatives = y01.Count(v => !v);
        int index = 0;
        for (int rank = 0; rank < n; rank++)
        {
            if (y01[order[rank]] && rank != 0)
            {
                components.Add((double)(rank - index) / negatives);
                index++;
            }
        }
        return PopulationStd(components);
    }

    /// <summary>
    /// Thresholds from realised metrics on consecutive reference chunks (size n // 10, the
    /// remainder as an extra chunk): mean ± 3·std (ddof 0, NaN chunks skipped), clipped to [0, 1].
    /// </summary>
    internal static Dictionary<string, (double Lower, double Upper)> ChunkThresholds(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<bool> outcomes
    )
    {
        int n = scores.Length;
        int size = Math.Max(n / ReferenceChunks, 1);
        var perMetric = CbpeMetric.All.ToDictionary(
            m => m,
            _ => new List<double>(),
            StringComparer.Ordinal
        );
        for (int start = 0; start < n; start += size)
        {
            int end = Math.Min(start + size, n);
            foreach (
                var (name, value) in RealizedMetrics(
                    scores[start..end],
                    labels[start..end],
                    outcomes[start..end]
                )
            )
            {
                if (!double.IsNaN(value))
                {
                    perMetric[name].Add(value);
                }
            }
        }
        var thresholds = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var (name, values) in perMetric)
        {
            if (values.Count == 0)
            {
                thresholds[name] = (double.NaN, double.NaN);
                continue;
            }
            double mean = values.Average();
            double std = PopulationStd(values);
            double lower = mean - SamplingErrorRange * std;
            double upper = mean + SamplingErrorRange * std;
            thresholds[name] = (lower <= 0 ? 0 : lower, upper >= 1 ? 1 : upper);
        }
        return thresholds;
    }

    /// <summary>
    /// The realised metrics as NannyML defines them: NaN when y has one class, and for precision,
    /// recall and F1 also when ŷ has one class.
    /// </summary>
    public static IReadOnlyDictionary<string, double> RealizedMetrics(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<bool> outcomes
    )
    {
        var confusion = LabelConfusion.Count(outcomes, labels);
        bool oneTrueClass = confusion.Positives == 0 || confusion.Negatives == 0;
        bool onePredictedClass =
            confusion.PredictedPositives == 0 || confusion.PredictedPositives == confusion.Total;
        double undefinedIfOneClass(double v) => oneTrueClass || onePredictedClass ? double.NaN : v;
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.Accuracy] = oneTrueClass ? double.NaN : confusion.Accuracy,
            [MetricNames.Precision] = undefinedIfOneClass(confusion.Precision),
            [MetricNames.Recall] = undefinedIfOneClass(confusion.Recall),
            [MetricNames.F1] = undefinedIfOneClass(confusion.F1),
            [MetricNames.RocAuc] = oneTrueClass
                ? double.NaN
                : BinaryMetrics.RocAuc(outcomes, scores),
        };
    }

    private static double PopulationStd(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        double mean = values.Average();
        double sum = 0;
        foreach (double v in values)
        {
            sum += (v - mean) * (v - mean);
        }
        return Math.Sqrt(sum / values.Count);
    }
}
