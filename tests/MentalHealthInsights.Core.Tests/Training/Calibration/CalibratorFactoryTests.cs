using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Core.Tests.Training.Calibration;

public class CalibratorFactoryTests
{
    [Theory]
    [InlineData(10, CalibrationMethod.Platt)]
    [InlineData(999, CalibrationMethod.Platt)]
    [InlineData(1000, CalibrationMethod.Isotonic)]
    [InlineData(80_000, CalibrationMethod.Isotonic)]
    public void DefaultMethod_ByRowCount_FollowsTheThousandRowRule(int rows, CalibrationMethod expected) =>
        Assert.Equal(expected, CalibratorFactory.DefaultMethod(rows));

    [Fact]
    public void Fit_EachMethod_ReturnsThatMethodsCalibrator()
    {
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        bool[] labels = [false, false, true, true];

        Assert.IsType<PlattCalibrator>(CalibratorFactory.Fit(CalibrationMethod.Platt, scores, labels));
        Assert.IsType<IsotonicCalibrator>(CalibratorFactory.Fit(CalibrationMethod.Isotonic, scores, labels));
    }
}
