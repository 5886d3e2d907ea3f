using MentalHealthInsights.Core.Monitoring.Performance;
using MentalHealthInsights.Core.Tests.Statistics;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Monitoring.Performance;

// Reference values: numpy 1.24.2 / scikit-learn 1.2.1 (/usr/bin/python3) following spec §2 on
//   s_i = ((i*37) % 101)/101, y_i = ((i*53) % 7) < 2 or (s_i > 0.6 and i % 3 != 0), ŷ = s ≥ 0.5, i < 60:
//   TP = p[ŷ].sum(), …; AUC: order = argsort(-s); tps = round(cumsum(p[order]), 5);
//   fps = round(arange(1, n+1) − cumsum(p[order]), 5); prepend 0; sklearn.metrics.auc(fps/fps[-1], tps/tps[-1]);
//   σ components with np.std (ddof 0); thresholds from roc_auc_score/f1_score/… on chunks of 6 rows.
public class CbpeEstimatorTests
{
    private const int N = 60;

    private static (double[] Scores, bool[] Labels, bool[] Outcomes) Vectors()
    {
        var s = new double[N];
        var yhat = new bool[N];
        var y = new bool[N];
        for (int i = 0; i < N; i++)
        {
            s[i] = i * 37 % 101 / 101.0;
            yhat[i] = s[i] >= 0.5;
            y[i] = i * 53 % 7 < 2 || (s[i] > 0.6 && i % 3 != 0);
        }
        return (s, yhat, y);
    }

    [Fact]
    public void ExpectedConfusion_FixedVectors_MatchesReference()
    {
        var (s, yhat, _) = Vectors();

        var confusion = ExpectedConfusion.From(s, yhat);

        StatAssert.Close(21.7029702970297, confusion.TruePositives);
        StatAssert.Close(7.297029702970298, confusion.FalsePositives);
        StatAssert.Close(7.712871287128714, confusion.FalseNegatives);
        StatAssert.Close(23.28712871287129, confusion.TrueNegatives);
        StatAssert.Close(0.7498349834983498, confusion.Accuracy);
        StatAssert.Close(0.7483782861044724, confusion.Precision);
        StatAssert.Close(0.7377987209693706, confusion.Recall);
        StatAssert.Close(0.7430508474576271, confusion.F1);
    }

    [Fact]
    public void ExpectedConfusion_NoPredictedPositives_PrecisionIsZero()
    {
        var confusion = ExpectedConfusion.From([0.2, 0.3], [false, false]);

        Assert.Equal(0, confusion.Precision);
        Assert.Equal(0, confusion.F1);
    }

    [Fact]
    public void CbpeAuc_FixedVectors_MatchesReference()
    {
        var (s, _, _) = Vectors();

        StatAssert.Close(0.8332892473235133, CbpeAuc.Estimate(s, s));
    }

    [Fact]
    public void CbpeAuc_AgreesWithClosedFormUpToRounding()
    {
        var (s, _, _) = Vectors();
        // AUC = [Σ_{i above j} p_i(1−p_j) + ½ Σ p_k(1−p_k)] / (Σp · Σ(1−p)), rows ordered by score.
        var ordered = s.OrderByDescending(v => v).ToArray();
        double numerator = 0;
        double above = 0;
        foreach (double p in ordered)
        {
            numerator += above * (1 - p) + 0.5 * p * (1 - p);
            above += p;
        }
        double closed = numerator / (s.Sum() * s.Sum(p => 1 - p));

        Assert.Equal(closed, CbpeAuc.Estimate(s, s), 4);
    }

    [Fact]
    public void Estimate_StandardErrors_UseReferenceComponents()
    {
        var (s, yhat, y) = Vectors();
        var cbpe = CbpeEstimator.Fit(s, yhat, y);

        var estimates = cbpe.Estimate(s, yhat);

        StatAssert.Close(
            0.4330127018922193 / Math.Sqrt(N),
            estimates[MetricNames.Accuracy].StandardError
        );
        StatAssert.Close(
            0.42791978089623645 / Math.Sqrt(N * 0.48333333333333334),
            estimates[MetricNames.Precision].StandardError
        );
        StatAssert.Close(
            0.44221663871405337 / Math.Sqrt(N * 0.5),
            estimates[MetricNames.Recall].StandardError
        );
        StatAssert.Close(
            0.615793292358812 / Math.Sqrt(N * 0.6166666666666667),
            estimates[MetricNames.F1].StandardError
        );
        StatAssert.Close(
            0.23200174941595808 / Math.Sqrt(N * 0.5),
            estimates[MetricNames.RocAuc].StandardError
        );
        var f1 = estimates[MetricNames.F1];
        StatAssert.Close(Math.Max(0, f1.Value - 3 * f1.StandardError), f1.Lower);
        StatAssert.Close(Math.Min(1, f1.Value + 3 * f1.StandardError), f1.Upper);
    }

    [Fact]
    public void Fit_Thresholds_FromReferenceChunks()
    {
        var (s, yhat, y) = Vectors();

        var cbpe = CbpeEstimator.Fit(s, yhat, y);

        StatAssert.Close(0.14792027106038508, cbpe.Thresholds[MetricNames.Accuracy].Lower);
        StatAssert.Close(0.033333333333333104, cbpe.Thresholds[MetricNames.Precision].Lower, 1e-8);
        StatAssert.Close(0.18883305697926722, cbpe.Thresholds[MetricNames.Recall].Lower);
        StatAssert.Close(0.17765968979905233, cbpe.Thresholds[MetricNames.F1].Lower);
        StatAssert.Close(0.012953149598415314, cbpe.Thresholds[MetricNames.RocAuc].Lower, 1e-8);
        Assert.All(CbpeMetric.All, m => Assert.Equal(1.0, cbpe.Thresholds[m].Upper));
    }

    [Fact]
    public void ExpectedCalibrationError_RawScores_MatchesReference()
    {
        var (s, _, y) = Vectors();

        // o = np.argsort(s, kind="stable"); 10 bins of n // 10 rows (last takes the rest);
        // Σ len(b)/n · abs(s[o][b].mean() − y[o][b].mean()).
        StatAssert.Close(0.13019801980198023, CbpeCalibration.ExpectedCalibrationError(s, y));
    }

    [Fact]
    public void NeedsCalibration_PerfectSeparation_SkipsCalibration()
    {
        double[] scores = [.. Enumerable.Range(0, 40).Select(i => i / 40.0)];
        bool[] outcomes = [.. scores.Select(p => p >= 0.5)];

        var (needed, raw, calibrated) = CbpeCalibration.NeedsCalibration(outcomes, scores);

        Assert.False(needed);
        Assert.True(double.IsNaN(raw) && double.IsNaN(calibrated));
    }

    [Fact]
    public void NeedsCalibration_SystematicallyOverconfidentScores_Calibrates()
    {
        // True probability is half the score: isotonic fixes it, so ECE drops and calibration is chosen.
        var random = new Random(5);
        var scores = new double[2000];
        var outcomes = new bool[2000];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = random.NextDouble();
            outcomes[i] = random.NextDouble() < scores[i] / 2;
        }

        var cbpe = CbpeEstimator.Fit(scores, [.. scores.Select(p => p >= 0.5)], outcomes);

        Assert.True(cbpe.Calibrated);
        Assert.True(cbpe.RawCalibrationError > cbpe.CalibratedCalibrationError);
        Assert.InRange(cbpe.Calibrate(0.8), 0.3, 0.5);
    }

    [Fact]
    public void Estimate_LabelShiftWithoutLabels_EstimateFollowsScores()
    {
        // A calibrated model: CBPE's F1 estimate on a window tracks the realised F1.
        var random = new Random(11);
        double[] Scores(int n, double shift) =>
            [.. Enumerable.Range(0, n).Select(_ => Math.Clamp(random.NextDouble() + shift, 0, 1))];
        var reference = Scores(5000, 0);
        var referenceOutcomes = reference.Select(p => random.NextDouble() < p).ToArray();
        var cbpe = CbpeEstimator.Fit(
            reference,
            [.. reference.Select(p => p >= 0.5)],
            referenceOutcomes
        );
        var window = Scores(3000, -0.3);
        var windowOutcomes = window.Select(p => random.NextDouble() < p).ToArray();
        var windowLabels = window.Select(p => p >= 0.5).ToArray();

        var estimate = cbpe.Estimate(window, windowLabels)[MetricNames.F1];
        var realised = CbpeEstimator.RealizedMetrics(window, windowLabels, windowOutcomes)[
            MetricNames.F1
        ];

        Assert.InRange(realised, estimate.Lower, estimate.Upper);
        Assert.True(estimate.Alert || estimate.Value < cbpe.Thresholds[MetricNames.F1].Upper);
    }
}
