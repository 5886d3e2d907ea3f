namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Evaluates <see cref="MetricSet"/> on the original rows or on a bootstrap resample given as
/// per-row multiplicities. Everything that does not depend on the resample (the score order,
/// each row's loss terms and decision) is computed once, so a resample costs O(n) with no
/// sorting and no allocation.
/// </summary>
internal sealed class MetricEvaluator
{
    // Per row 1 or 0: the label, the decision, and both (a true positive), so that the
    // original rows and a resample sum (weight ×) flag with no branch on the row (labels and decisions are data: a branch on
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
        var n = labels.Length;
        positiveFlag = new byte[n];
        predictedFlag = new byte[n];
        truePositiveFlag = new byte[n];
        logLossTerms = new double[n];
        brierTerms = new double[n];
        for (var i = 0; i < n; i++)
        {
            positiveFlag[i] = labels[i] ? (byte)1 : (byte)0;
            predictedFlag[i] = probabilities[i] >= threshold ? (byte)1 : (byte)0;
            truePositiveFlag[i] = (byte)(positiveFlag[i] & predictedFlag[i]);
            logLossTerms[i] = BinaryMetrics.LogLossTerm(labels[i], probabilities[i]);
            brierTerms[i] = BinaryMetrics.BrierTerm(labels[i], probabilities[i]);
        }

        groups = ScoreGroups.Build(labels, probabilities);
        weightedPositives = new long[groups.Count];
        weightedNegatives = new long[groups.Count];
    }

    public double Threshold { get; }

    public int Rows => positiveFlag.Length;

    /// <summary>Metrics on the original rows.</summary>
    public MetricSet Evaluate()
    {
        long positives = 0,
            predicted = 0,
            tp = 0;
        double logLoss = 0,
            brier = 0;
        for (var i = 0; i < Rows; i++)
        {
            positives += positiveFlag[i];
            predicted += predictedFlag[i];
            tp += truePositiveFlag[i];
            logLoss += logLossTerms[i];
            brier += brierTerms[i];
        }

        var fp = predicted - tp;
        return new MetricSet(
            Threshold,
            new ConfusionMatrix(tp, fp, Rows - positives - fp, positives - tp),
            RankMetrics.RocAuc(groups.Positives, groups.Negatives),
            RankMetrics.AveragePrecision(groups.Positives, groups.Negatives),
            logLoss / Rows,
            brier / Rows
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
        for (var i = 0; i < Rows; i++)
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
}
