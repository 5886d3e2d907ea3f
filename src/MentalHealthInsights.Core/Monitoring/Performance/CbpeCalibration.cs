using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>
/// NannyML's <c>needs_calibration</c> (spec §2.1): no calibration with one class or AUC &gt; 0.999;
/// otherwise 10 stratified 90/10 splits, isotonic fitted on each train part and applied to its
/// test part, and calibration iff the expected calibration error (10 equal-count bins) of the
/// raw scores exceeds that of the calibrated ones. The splits use this project's seeded
/// <see cref="StratifiedSplit"/> (seeds 42…51), not scikit-learn's generator, so a borderline
/// decision can differ from NannyML's.
/// </summary>
public static class CbpeCalibration
{
    /// <summary>Number of shuffle splits.</summary>
    public const int Splits = 10;

    /// <summary>Decides whether calibration helps, returning both ECEs (NaN when not evaluated).</summary>
    public static (bool Needed, double RawEce, double CalibratedEce) NeedsCalibration(
        ReadOnlySpan<bool> outcomes,
        ReadOnlySpan<double> scores
    )
    {
        int positives = 0;
        foreach (bool y in outcomes)
        {
            positives += y ? 1 : 0;
        }
        if (
            positives == 0
            || positives == outcomes.Length
            || BinaryMetrics.RocAuc(outcomes, scores) > 0.999
        )
        {
            return (false, double.NaN, double.NaN);
        }
        var raw = new List<double>();
        var calibrated = new List<double>();
        var truth = new List<bool>();
        for (int split = 0; split < Splits; split++)
        {
            var (train, test) = StratifiedSplit.TrainTest(outcomes, 0.1, 42 + split);
            var trainScores = new double[train.Length];
            var trainLabels = new bool[train.Length];
            for (int k = 0; k < train.Length; k++)
            {
                trainScores[k] = scores[train[k]];
                trainLabels[k] = outcomes[train[k]];
            }
            var calibrator = IsotonicCalibrator.Fit(trainScores, trainLabels);
            foreach (int i in test)
            {
                raw.Add(scores[i]);
                calibrated.Add(calibrator.Apply(scores[i]));
                truth.Add(outcomes[i]);
            }
        }
        double rawEce = ExpectedCalibrationError(raw.ToArray(), truth.ToArray());
        double calibratedEce = ExpectedCalibrationError(calibrated.ToArray(), truth.ToArray());
        return (rawEce > calibratedEce, rawEce, calibratedEce);
    }

    /// <summary>
    /// ECE with equal-count bins after sorting by probability: 10 bins of n//10 rows, the last
    /// absorbing the remainder (n//2 bins when n ≤ 20): Σ (|b|/n)·|mean p − mean y|.
    /// </summary>
    public static double ExpectedCalibrationError(double[] probabilities, bool[] outcomes)
    {
        int n = probabilities.Length;
        int bins = n <= 20 ? n / 2 : 10;
        if (bins < 2)
        {
            throw new ArgumentException(
                "At least 4 rows are needed for the calibration error.",
                nameof(probabilities)
            );
        }
        var order = Enumerable.Range(0, n).ToArray();
        var keys = (double[])probabilities.Clone();
        Array.Sort(keys, order);
        int width = n / bins;
        double ece = 0;
        for (int b = 0; b < bins; b++)
        {
            int start = b * width;
            int end = b == bins - 1 ? n : start + width;
            double p = 0;
            double y = 0;
            for (int k = start; k < end; k++)
            {
                p += probabilities[order[k]];
                y += outcomes[order[k]] ? 1 : 0;
            }
            int size = end - start;
            ece += (double)size / n * Math.Abs(p / size - y / size);
        }
        return ece;
    }
}
