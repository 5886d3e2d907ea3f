namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Evaluates <see cref="MetricSet"/> on the original rows or on a bootstrap resample given as
/// per-row multiplicities. Everything that does not depend on the resample (the score order,
/// each row's loss terms and decision) is computed once, so a resample costs O(n) with no
/// sorting and no allocation.
/// </summary>
internal sealed class MetricEvaluator
{
    private readonly bool[] labels;
    private readonly bool[] predictedPositive;

    // Per row 1 or 0: the label, the decision, and both (a true positive), so that a resample
    // sums weight × flag with no branch on the row (labels and decisions are data: a branch on
    // them, or on a zero weight, is mispredicted about a third of the time or more).
    private readonly byte[] positiveFlag;
    private readonly byte[] predictedFlag;
    private readonly byte[] truePositiveFlag;
    private readonly double[] logLossTerms;
    private readonly double[] brierTerms;
    private readonly ScoreGroups groups;
    private readonly long[] weightedPositives;
    private readonly long[] weightedNegatives;

    /// <summary>Inputs must already be validated.</summary>
    public MetricEvaluator(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        double threshold
    )
    {
        Threshold = threshold;
        this.labels = labels.ToArray();
        var n = labels.Length;
        predictedPositive = new bool[n];
        positiveFlag = new byte[n];
        predictedFlag = new byte[n];
        truePositiveFlag = new byte[n];
        logLossTerms = new double[n];
        brierTerms = new double[n];
        for (var i = 0; i < n; i++)
        {
            predictedPositive[i] = probabilities[i] >= threshold;
            positiveFlag[i] = labels[i] ? (byte)1 : (byte)0;
            predictedFlag[i] = predictedPositive[i] ? (byte)1 : (byte)0;
            truePositiveFlag[i] = (byte)(positiveFlag[i] & predictedFlag[i]);
            logLossTerms[i] = BinaryMetrics.LogLossTerm(labels[i], probabilities[i]);
            brierTerms[i] = BinaryMetrics.BrierTerm(labels[i], probabilities[i]);
        }

        groups = ScoreGroups.Build(labels, probabilities);
        weightedPositives = new long[groups.Count];
        weightedNegatives = new long[groups.Count];
    }

    public double Threshold { get; }

    public int Rows => labels.Length;

    /// <summary>Metrics on the original rows.</summary>
    public MetricSet Evaluate()
    {
        long tp = 0,
            fp = 0,
            tn = 0,
            fn = 0;
        double logLoss = 0,
            brier = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            Tally(labels[i], predictedPositive[i], 1, ref tp, ref fp, ref tn, ref fn);
            logLoss += logLossTerms[i];
            brier += brierTerms[i];
        }

        return new MetricSet(
            Threshold,
            new ConfusionMatrix(tp, fp, tn, fn),
            RankMetrics.RocAuc(groups.Positives, groups.Negatives),
            RankMetrics.AveragePrecision(groups.Positives, groups.Negatives),
            logLoss / labels.Length,
            brier / labels.Length
        );
    }

    /// <summary>
    /// Metrics on a resample where row i appears <c>weights[i]</c> times, written in
    /// <see cref="MetricNames.All"/> order.
    /// </summary>
    /// <remarks>
    /// Every row is visited, a zero weight included: it adds 0 to the counts and +0.0 to the
    /// loss sums (whose terms are finite and non-negative), which leaves them unchanged, so the
    /// results equal those of skipping it bit for bit.
    /// </remarks>
    public void Evaluate(ReadOnlySpan<int> weights, Span<double> values)
    {
        Array.Clear(weightedPositives);
        Array.Clear(weightedNegatives);
        var groupOfRow = groups.GroupOfRow;
        long total = 0,
            positives = 0,
            predicted = 0,
            tp = 0;
        double logLoss = 0,
            brier = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            long w = weights[i];
            var positive = w * positiveFlag[i];
            total += w;
            positives += positive;
            predicted += w * predictedFlag[i];
            tp += w * truePositiveFlag[i];
            logLoss += w * logLossTerms[i];
            brier += w * brierTerms[i];
            var group = groupOfRow[i];
            weightedPositives[group] += positive;
            weightedNegatives[group] += w - positive;
        }

        var fp = predicted - tp;
        MetricSet.Write(
            values,
            new ConfusionMatrix(tp, fp, total - positives - fp, positives - tp),
            RankMetrics.RocAuc(weightedPositives, weightedNegatives),
            RankMetrics.AveragePrecision(weightedPositives, weightedNegatives),
            logLoss / total,
            brier / total
        );
    }

    private static void Tally(
        bool label,
        bool predicted,
        long weight,
        ref long tp,
        ref long fp,
        ref long tn,
        ref long fn
    )
    {
        if (label)
        {
            if (predicted)
            {
                tp += weight;
            }
            else
            {
                fn += weight;
            }
        }
        else if (predicted)
        {
            fp += weight;
        }
        else
        {
            tn += weight;
        }
    }
}
