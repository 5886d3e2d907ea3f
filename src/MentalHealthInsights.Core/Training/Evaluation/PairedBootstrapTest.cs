using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>
/// Paired bootstrap test of two models scored on the same rows. Each resample draws rows with
/// replacement (n of n, <c>new Random(seed)</c>) and evaluates both models on the same rows, so the
/// correlation between the models is kept. With d the observed difference A − B and d*_b its
/// value on resample b, the centred replicates d*_b − d approximate the null distribution of the
/// difference, giving the two-sided p-value (1 + #{b : |d*_b − d| ≥ |d|}) / (B + 1) (the +1 keeps it
/// above zero, as for a permutation test). The interval is the percentile interval of d*_b.
/// Works for any metric, including threshold metrics, log loss and Brier score; for ROC AUC,
/// <see cref="DeLongTest"/> is the analytic alternative.
/// </summary>
public static class PairedBootstrapTest
{
    /// <summary>Compares a <see cref="MetricNames"/> metric of A and B.</summary>
    /// <param name="labels">True classes.</param>
    /// <param name="probabilitiesA">Model A's probabilities in [0, 1].</param>
    /// <param name="probabilitiesB">Model B's probabilities in [0, 1].</param>
    /// <param name="metric">A <see cref="MetricNames"/> key, e.g. <see cref="MetricNames.RocAuc"/>.</param>
    /// <param name="thresholdA">A's decision threshold (matters for threshold metrics only; default 0.5).</param>
    /// <param name="thresholdB">B's decision threshold (default 0.5).</param>
    /// <param name="resamples">Resamples, at least 1 (default 1,000).</param>
    /// <param name="seed">Seed (default 42).</param>
    /// <param name="confidence">Coverage of the difference interval (default 0.95).</param>
    /// <exception cref="ArgumentException">Mismatched or invalid input, unknown metric.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid resamples or confidence.</exception>
    public static PairedBootstrapResult Compare(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilitiesA,
        ReadOnlySpan<double> probabilitiesB,
        string metric,
        double thresholdA = 0.5,
        double thresholdB = 0.5,
        int resamples = Bootstrap.DefaultResamples,
        int seed = Bootstrap.DefaultSeed,
        double confidence = Bootstrap.DefaultConfidence
    )
    {
        ArgumentNullException.ThrowIfNull(metric);
        var index = MetricNames.IndexOf(metric);
        InputGuard.LabelsAndProbabilities(labels, probabilitiesA, nameof(probabilitiesA));
        InputGuard.LabelsAndProbabilities(labels, probabilitiesB, nameof(probabilitiesB));
        InputGuard.Threshold(thresholdA, nameof(thresholdA));
        InputGuard.Threshold(thresholdB, nameof(thresholdB));
        Resampler.ValidateCount(resamples);
        InputGuard.Confidence(confidence);

        var evaluatorA = new MetricEvaluator(labels, probabilitiesA, thresholdA);
        var evaluatorB = new MetricEvaluator(labels, probabilitiesB, thresholdB);
        var estimateA = evaluatorA.Evaluate().Get(metric);
        var estimateB = evaluatorB.Evaluate().Get(metric);

        var differences = new double[resamples];
        var resampler = new Resampler(labels.Length, seed);
        var weights = new int[labels.Length];
        Span<double> valuesA = stackalloc double[MetricNames.All.Count];
        Span<double> valuesB = stackalloc double[MetricNames.All.Count];
        for (var b = 0; b < resamples; b++)
        {
            resampler.NextWeights(weights);
            evaluatorA.Evaluate(weights, valuesA);
            evaluatorB.Evaluate(weights, valuesB);
            differences[b] = valuesA[index] - valuesB[index];
        }

        return Summarise(metric, estimateA, estimateB, differences, resamples, seed, confidence);
    }

    /// <summary>
    /// Compares a caller-defined metric, evaluated on materialised resamples (slower than the
    /// named-metric overload, which re-weights instead of copying). The metric returns NaN where
    /// it is undefined; such resamples are skipped.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scoresA">Model A's outputs (must be finite; the metric decides their meaning).</param>
    /// <param name="scoresB">Model B's outputs.</param>
    /// <param name="metricName">A label for the result.</param>
    /// <param name="metric">Metric of (labels, scores) on one resample.</param>
    /// <param name="resamples">Resamples, at least 1 (default 1,000).</param>
    /// <param name="seed">Seed (default 42); the same seed draws the same resamples as the named-metric overload.</param>
    /// <param name="confidence">Coverage of the difference interval (default 0.95).</param>
    public static PairedBootstrapResult Compare(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scoresA,
        ReadOnlySpan<double> scoresB,
        string metricName,
        Func<ReadOnlySpan<bool>, ReadOnlySpan<double>, double> metric,
        int resamples = Bootstrap.DefaultResamples,
        int seed = Bootstrap.DefaultSeed,
        double confidence = Bootstrap.DefaultConfidence
    )
    {
        ArgumentNullException.ThrowIfNull(metricName);
        ArgumentNullException.ThrowIfNull(metric);
        InputGuard.LabelsAndScores(labels, scoresA, nameof(scoresA));
        InputGuard.LabelsAndScores(labels, scoresB, nameof(scoresB));
        Resampler.ValidateCount(resamples);
        InputGuard.Confidence(confidence);

        var estimateA = metric(labels, scoresA);
        var estimateB = metric(labels, scoresB);

        var n = labels.Length;
        var differences = new double[resamples];
        var resampler = new Resampler(n, seed);
        var indices = new int[n];
        var sampleLabels = new bool[n];
        var sampleA = new double[n];
        var sampleB = new double[n];
        for (var b = 0; b < resamples; b++)
        {
            resampler.NextIndices(indices);
            for (var j = 0; j < n; j++)
            {
                var row = indices[j];
                sampleLabels[j] = labels[row];
                sampleA[j] = scoresA[row];
                sampleB[j] = scoresB[row];
            }

            differences[b] = metric(sampleLabels, sampleA) - metric(sampleLabels, sampleB);
        }

        return Summarise(
            metricName,
            estimateA,
            estimateB,
            differences,
            resamples,
            seed,
            confidence
        );
    }

    private static PairedBootstrapResult Summarise(
        string metric,
        double estimateA,
        double estimateB,
        double[] differences,
        int resamples,
        int seed,
        double confidence
    )
    {
        var observed = estimateA - estimateB;
        if (double.IsNaN(observed))
        {
            return new PairedBootstrapResult(
                metric,
                estimateA,
                estimateB,
                Interval.Undefined,
                double.NaN,
                0,
                resamples,
                seed
            );
        }

        // Count before Percentile.Interval sorts and compacts the array.
        var extreme = 0;
        var magnitude = Math.Abs(observed);
        foreach (var d in differences)
        {
            if (!double.IsNaN(d) && Math.Abs(d - observed) >= magnitude)
            {
                extreme++;
            }
        }

        var (lower, upper, used) = Percentile.Interval(differences, confidence);
        var pValue = used == 0 ? double.NaN : (1.0 + extreme) / (used + 1.0);
        return new PairedBootstrapResult(
            metric,
            estimateA,
            estimateB,
            new Interval(observed, lower, upper),
            pValue,
            used,
            resamples,
            seed
        );
    }
}
