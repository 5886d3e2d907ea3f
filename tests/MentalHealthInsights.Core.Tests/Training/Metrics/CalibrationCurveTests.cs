using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Tests.Training.Metrics;

public class CalibrationCurveTests
{
    private const double Tol = ReferenceData.Tolerance;

    [Fact]
    public void Compute_UniformTenBins_MatchesSklearn()
    {
        // sklearn: prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy='uniform');
        // counts via np.bincount(np.searchsorted(bins[1:-1], p)). Values lie exactly on edges
        // (0.3 vs 0.30000000000000004), which exercises the (a, b] rule.
        double[] observed = [0.0, 0.0, 0.0, 0.0, 0.6666666666666666, 0.4, 1.0, 1.0, 1.0, 1.0];
        double[] predicted =
        [
            0.07500000000000001,
            0.19999999999999998,
            0.3,
            0.4,
            0.5,
            0.5999999999999999,
            0.7,
            0.8000000000000002,
            0.9,
            1.0,
        ];
        long[] counts = [4, 6, 2, 4, 3, 10, 2, 3, 3, 3];

        var curve = CalibrationCurve.Compute(ReferenceData.Labels, ReferenceData.P);

        AssertBins(curve, observed, predicted, counts);
        Assert.Equal(CalibrationStrategy.Uniform, curve.Strategy);
        Assert.Equal(10, curve.RequestedBins);
        // ECE from the same sklearn bins: sum(counts / n * |prob_true - prob_pred|)
        Assert.Equal(0.19249999999999995, curve.ExpectedCalibrationError, Tol);
    }

    [Fact]
    public void Compute_UniformFiveBins_MatchesSklearn()
    {
        // sklearn: calibration_curve(y, q, n_bins=5, strategy='uniform')
        double[] observed = [0.0, 0.2, 0.3333333333333333, 0.625, 0.6666666666666666];
        double[] predicted =
        [
            0.08285714285714287,
            0.336,
            0.505,
            0.7162499999999999,
            0.8816666666666667,
        ];

        var curve = CalibrationCurve.Compute(ReferenceData.Labels, ReferenceData.Q, bins: 5);

        Assert.Equal(observed.Length, curve.Bins.Count);
        for (var i = 0; i < observed.Length; i++)
        {
            Assert.Equal(observed[i], curve.Bins[i].ObservedRate, Tol);
            Assert.Equal(predicted[i], curve.Bins[i].MeanPredicted, Tol);
        }
    }

    [Fact]
    public void Compute_EmptyBins_AreDropped()
    {
        // P holds only multiples of 0.1, so 20 bins of width 0.05 leave about half of them empty.
        var curve = CalibrationCurve.Compute(ReferenceData.Labels, ReferenceData.P, bins: 20);

        Assert.All(curve.Bins, bin => Assert.True(bin.Count > 0));
        Assert.True(curve.Bins.Count < 20);
        Assert.Equal(ReferenceData.P.Length, curve.Bins.Sum(bin => bin.Count));
    }

    [Fact]
    public void Compute_QuantileFourBins_MatchesSklearn()
    {
        // sklearn: calibration_curve(y, q, n_bins=4, strategy='quantile'); edges
        // np.percentile(q, [0, 25, 50, 75, 100]) = 0.01, 0.3775, 0.63, 0.77, 0.92; counts 10 10 11 9
        double[] observed = [0.0, 0.5, 0.5454545454545454, 0.6666666666666666];
        double[] predicted = [0.14700000000000002, 0.506, 0.7163636363636364, 0.8477777777777779];
        long[] counts = [10, 10, 11, 9];

        var curve = CalibrationCurve.Compute(
            ReferenceData.Labels,
            ReferenceData.Q,
            bins: 4,
            strategy: CalibrationStrategy.Quantile
        );

        AssertBins(curve, observed, predicted, counts);
        Assert.Equal(0.3775, curve.Bins[1].Lower, Tol);
        Assert.Equal(0.63, curve.Bins[1].Upper, Tol);
        Assert.Equal(0.12600000000000008, curve.ExpectedCalibrationError, Tol);
    }

    [Fact]
    public void Compute_QuantileTenBinsWithTies_MatchesSklearn()
    {
        // sklearn: calibration_curve(y, p, n_bins=10, strategy='quantile'): tied edges give empty
        // bins, which are dropped (8 remain); counts 4 6 2 4 13 5 3 3; ECE 0.16749999999999993
        double[] observed = [0.0, 0.0, 0.0, 0.0, 0.46153846153846156, 1.0, 1.0, 1.0];
        double[] predicted =
        [
            0.07500000000000001,
            0.19999999999999998,
            0.3,
            0.4,
            0.5769230769230768,
            0.76,
            0.9,
            1.0,
        ];
        long[] counts = [4, 6, 2, 4, 13, 5, 3, 3];

        var curve = CalibrationCurve.Compute(
            ReferenceData.Labels,
            ReferenceData.P,
            bins: 10,
            strategy: CalibrationStrategy.Quantile
        );

        AssertBins(curve, observed, predicted, counts);
        Assert.Equal(0.16749999999999993, curve.ExpectedCalibrationError, Tol);
    }

    [Fact]
    public void ExpectedCalibrationError_TwoBins_ByHand()
    {
        // Bins [0, 0.5] and (0.5, 1]: {0.1, 0.3} mean 0.2 observed 1/2; {0.75, 0.8, 0.95} mean
        // 5/6 observed 2/3. ECE = 2/5·|0.5 − 0.2| + 3/5·|2/3 − 5/6| = 0.12 + 0.1 = 0.22.
        var curve = CalibrationCurve.Compute(
            [false, true, true, false, true],
            [0.1, 0.3, 0.75, 0.8, 0.95],
            bins: 2
        );

        Assert.Equal(2, curve.Bins.Count);
        Assert.Equal(0.2, curve.Bins[0].MeanPredicted, Tol);
        Assert.Equal(0.5, curve.Bins[0].ObservedRate, Tol);
        Assert.Equal(2.5 / 3, curve.Bins[1].MeanPredicted, Tol);
        Assert.Equal(0.22, curve.ExpectedCalibrationError, Tol);
    }

    [Fact]
    public void ExpectedCalibrationError_PerfectlyCalibratedBins_IsZero()
    {
        // Every row predicted 0.25 and exactly a quarter positive.
        var curve = CalibrationCurve.Compute([true, false, false, false], [0.25, 0.25, 0.25, 0.25]);

        Assert.Equal(0.0, curve.ExpectedCalibrationError, Tol);
    }

    [Fact]
    public void Compute_ZeroBins_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CalibrationCurve.Compute([true], [0.5], bins: 0)
        );
    }

    private static void AssertBins(
        CalibrationCurve curve,
        double[] observed,
        double[] predicted,
        long[] counts
    )
    {
        Assert.Equal(observed.Length, curve.Bins.Count);
        for (var i = 0; i < observed.Length; i++)
        {
            Assert.Equal(observed[i], curve.Bins[i].ObservedRate, Tol);
            Assert.Equal(predicted[i], curve.Bins[i].MeanPredicted, Tol);
            Assert.Equal(counts[i], curve.Bins[i].Count);
        }
    }
}
