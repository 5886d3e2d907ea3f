using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Core.Tests.Training.Calibration;

public class PlattCalibratorTests
{
    // Reference values: /usr/bin/python3, scikit-learn 1.2.1 and SciPy 1.10.1.
    //   sklearn:  sklearn.calibration._sigmoid_calibration(s, y)      (BFGS, default gtol 1e-5)
    //   exact:    scipy.optimize.minimize(platt_objective, [0, log((N-+1)/(N++1))], jac=grad,
    //             method="BFGS", options={"gtol": 1e-12}) with Platt's smoothed targets
    // sklearn stops earlier than the exact optimum (differences ~1e-5), hence two tolerances.
    private const double SklearnTolerance = 1e-4;
    private const double ExactTolerance = 1e-7;

    private static (double[] Scores, bool[] Labels) ProbabilityScores()
    {
        // i in 0..39: s = ((37 i) mod 101) / 100; y = ((7919 i) mod 100) / 100 < s (19 positives).
        var scores = new double[40];
        var labels = new bool[40];
        for (var i = 0; i < 40; i++)
        {
            scores[i] = (i * 37 % 101) / 100.0;
            labels[i] = (i * 7919 % 100) / 100.0 < scores[i];
        }
        return (scores, labels);
    }

    private static (double[] Scores, bool[] Labels) MarginScores()
    {
        // i in 0..59: s = ((i mod 17) - 8) / 2; y = ((7919 i) mod 100) / 100 < sigmoid(0.7 s) (28 positives).
        var scores = new double[60];
        var labels = new bool[60];
        for (var i = 0; i < 60; i++)
        {
            scores[i] = (i % 17 - 8) / 2.0;
            labels[i] = (i * 7919 % 100) / 100.0 < 1 / (1 + Math.Exp(-0.7 * scores[i]));
        }
        return (scores, labels);
    }

    [Fact]
    public void Fit_ProbabilityScores_MatchesSklearnAndExactOptimum()
    {
        var (scores, labels) = ProbabilityScores();
        Assert.Equal(19, labels.Count(l => l));

        var p = PlattCalibrator.Fit(scores, labels).Parameters;

        Assert.Equal(-5.1446546186369035, p.A, SklearnTolerance);
        Assert.Equal(2.7072846149712477, p.B, SklearnTolerance);
        Assert.Equal(-5.1446476168806505, p.A, ExactTolerance);
        Assert.Equal(2.7072806470836857, p.B, ExactTolerance);
    }

    [Fact]
    public void Fit_MarginScores_MatchesSklearnAndExactOptimum()
    {
        var (scores, labels) = MarginScores();
        Assert.Equal(28, labels.Count(l => l));

        var p = PlattCalibrator.Fit(scores, labels).Parameters;

        Assert.Equal(-0.6289984028929949, p.A, SklearnTolerance);
        Assert.Equal(-0.02632715390817685, p.B, SklearnTolerance);
        Assert.Equal(-0.6289982334593845, p.A, ExactTolerance);
        Assert.Equal(-0.02632623581306403, p.B, ExactTolerance);
    }

    [Fact]
    public void Fit_SeparableScores_StaysFiniteThanksToTargetSmoothing()
    {
        double[] scores = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
        bool[] labels = [false, false, false, false, true, true, true, true];

        var p = PlattCalibrator.Fit(scores, labels).Parameters;

        // Unsmoothed 0/1 targets would send A to -infinity on separable data.
        Assert.Equal(-5.728480717247694, p.A, SklearnTolerance);
        Assert.Equal(2.864242012020917, p.B, SklearnTolerance);
        Assert.Equal(-5.72846672298451, p.A, ExactTolerance);
        Assert.Equal(2.864233361492246, p.B, ExactTolerance);
    }

    [Fact]
    public void Apply_FittedSigmoid_GivesReferenceProbabilities()
    {
        var (scores, labels) = ProbabilityScores();
        var calibrator = PlattCalibrator.Fit(scores, labels);

        // 1 / (1 + exp(A s + B)) with the exact (A, B) above.
        Assert.Equal(0.19448625991328414, calibrator.Apply(0.25), 1e-7);
        Assert.Equal(0.8035193709297258, calibrator.Apply(0.8), 1e-7);
        Assert.Equal(CalibrationMethod.Platt, calibrator.Method);
    }

    [Fact]
    public void Apply_ExtremeScores_StayInUnitIntervalAndMonotone()
    {
        var calibrator = new PlattCalibrator(new PlattParameters(-5, 2.5));
        double[] grid = [-1e6, -50, -1, 0, 0.5, 1, 50, 1e6];

        var probabilities = grid.Select(calibrator.Apply).ToArray();

        Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
        for (var i = 1; i < probabilities.Length; i++)
        {
            Assert.True(probabilities[i] >= probabilities[i - 1]);
        }
        Assert.Equal(0.5, calibrator.Apply(0.5), 1e-15);
    }

    [Fact]
    public void Fit_SameInput_GivesIdenticalParameters()
    {
        var (scores, labels) = MarginScores();

        var first = PlattCalibrator.Fit(scores, labels).Parameters;
        var second = PlattCalibrator.Fit(scores, labels).Parameters;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_OneClassOnly_GivesFiniteParametersAndHighProbabilities()
    {
        double[] scores = [0.2, 0.4, 0.6];
        bool[] labels = [true, true, true];

        var calibrator = PlattCalibrator.Fit(scores, labels);

        Assert.True(double.IsFinite(calibrator.Parameters.A));
        Assert.True(double.IsFinite(calibrator.Parameters.B));
        // The smoothed target for positives is (3 + 1) / (3 + 2) = 0.8.
        Assert.Equal(0.8, calibrator.Apply(0.4), 1e-6);
    }

    [Fact]
    public void Fit_MismatchedOrEmptyOrNonFinite_Throws()
    {
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([0.1, 0.2], [true]));
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([], []));
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([double.NaN], [true]));
        Assert.Throws<ArgumentException>(() => new PlattCalibrator(new PlattParameters(double.NaN, 0)));
    }
}
