using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Core.Tests.Training.Calibration;

public class IsotonicCalibratorTests
{
    // Reference values: /usr/bin/python3, scikit-learn 1.2.1:
    //   ir = IsotonicRegression(out_of_bounds="clip").fit(x, y)
    //   ir.X_thresholds_, ir.y_thresholds_, ir.predict([-0.1, 0, 0.025, 0.33, 0.5, 0.77, 0.95, 1.2])
    private const double Tolerance = 1e-12;

    private static (double[] Scores, bool[] Labels) TiedScores()
    {
        // i in 0..49: x = ((13 i) mod 20) / 20 (20 distinct values, each repeated);
        // y = ((7919 i) mod 100) / 100 < x.
        var scores = new double[50];
        var labels = new bool[50];
        for (var i = 0; i < 50; i++)
        {
            scores[i] = (i * 13 % 20) / 20.0;
            labels[i] = (i * 7919 % 100) / 100.0 < scores[i];
        }
        return (scores, labels);
    }

    [Fact]
    public void Fit_TiedScores_KnotsMatchSklearn()
    {
        var (scores, labels) = TiedScores();

        var p = IsotonicCalibrator.Fit(scores, labels).Parameters;

        double[] expectedX = [0, 0.05, 0.35, 0.4, 0.5, 0.55, 0.65, 0.7, 0.75, 0.8, 0.9, 0.95];
        double[] expectedY =
        [
            0,
            0.23529411764705882,
            0.23529411764705882,
            0.3333333333333333,
            0.3333333333333333,
            0.5555555555555556,
            0.5555555555555556,
            0.75,
            0.75,
            0.875,
            0.875,
            1,
        ];
        Assert.Equal(expectedX.Length, p.Thresholds.Count);
        for (var i = 0; i < expectedX.Length; i++)
        {
            Assert.Equal(expectedX[i], p.Thresholds[i], Tolerance);
            Assert.Equal(expectedY[i], p.Values[i], Tolerance);
        }
    }

    [Fact]
    public void Apply_QueryPoints_InterpolatesAndClipsLikeSklearn()
    {
        var (scores, labels) = TiedScores();
        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        double[] queries = [-0.1, 0.0, 0.025, 0.33, 0.5, 0.77, 0.95, 1.2];
        double[] expected =
        [
            0,
            0,
            0.1176470588235294,
            0.23529411764705882,
            0.3333333333333333,
            0.8,
            1,
            1,
        ];
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(expected[i], calibrator.Apply(queries[i]), Tolerance);
        }
        Assert.Equal(CalibrationMethod.Isotonic, calibrator.Method);
    }

    [Fact]
    public void Fit_DecreasingLabels_PoolsEverythingToTheMean()
    {
        double[] scores = [0.1, 0.2, 0.3, 0.4];
        bool[] labels = [true, true, false, false];

        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        Assert.Equal(0.5, calibrator.Apply(0.0), Tolerance);
        Assert.Equal(0.5, calibrator.Apply(0.25), Tolerance);
        Assert.Equal(0.5, calibrator.Apply(1.0), Tolerance);
    }

    [Fact]
    public void Fit_SingleDistinctScore_GivesConstantMeanLabel()
    {
        double[] scores = [0.3, 0.3, 0.3, 0.3];
        bool[] labels = [true, false, false, false];

        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        Assert.Single(calibrator.Parameters.Thresholds);
        Assert.Equal(0.25, calibrator.Apply(-5), Tolerance);
        Assert.Equal(0.25, calibrator.Apply(5), Tolerance);
    }

    [Fact]
    public void Fit_SameDataInAnotherOrder_GivesEqualParameters()
    {
        var (scores, labels) = TiedScores();
        var reversedScores = scores.Reverse().ToArray();
        var reversedLabels = labels.Reverse().ToArray();

        var first = IsotonicCalibrator.Fit(scores, labels).Parameters;
        var second = IsotonicCalibrator.Fit(reversedScores, reversedLabels).Parameters;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Constructor_InvalidKnots_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IsotonicCalibrator(new IsotonicParameters([], [])));
        Assert.Throws<ArgumentException>(() =>
            new IsotonicCalibrator(new IsotonicParameters([0.2, 0.1], [0.1, 0.2]))
        );
        Assert.Throws<ArgumentException>(() =>
            new IsotonicCalibrator(new IsotonicParameters([0.1, 0.2], [0.3, 0.2]))
        );
    }
}
