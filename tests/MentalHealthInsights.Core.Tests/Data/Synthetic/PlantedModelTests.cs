using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;

namespace MentalHealthInsights.Core.Tests.Data.Synthetic;

public class PlantedModelTests
{
    // Standard deviations of the generated marginals (discrete uniform), from numpy:
    // np.std(np.arange(40, 101) / 10), np.std(np.arange(30, 81)), np.std(np.arange(0, 11)),
    // np.std(np.arange(18, 66)); a 0/1 dummy with share q has sd sqrt(q(1 − q)).
    private const double SleepSd = 1.760681686165901;
    private const double WorkSd = 14.719601443879744;
    private const double ActivitySd = 3.1622776601683795;
    private const double AgeSd = 13.853399101544236;

    private static MentalHealthRecord AtCenters() =>
        new()
        {
            UserId = "1",
            Age = PlantedModel.AgeCenter,
            Gender = "Female",
            Occupation = "IT",
            Country = "UK",
            HasCondition = false,
            Severity = "None",
            ConsultationHistory = false,
            StressLevel = "Low",
            SleepHours = PlantedModel.SleepHoursCenter,
            WorkHours = PlantedModel.WorkHoursCenter,
            PhysicalActivityHours = PlantedModel.PhysicalActivityCenter,
        };

    [Fact]
    public void Logit_ReferenceRecordAtCenters_EqualsIntercept()
    {
        Assert.Equal(PlantedModel.Intercept, PlantedModel.Logit(AtCenters()), 12);
    }

    [Fact]
    public void Logit_KnownRecord_MatchesHandComputedValue()
    {
        // Seed 42's second record. By hand: −1.2 + 1.0 (Medium) − 0.5·(4.2 − 7) + 0.06·(71 − 55)
        // − 0.25·(6 − 5) − 0.01·(30 − 41.5) = 2.025; sigmoid(2.025) = 0.8833970308388606
        // (Python: 1 / (1 + math.exp(-2.025))).
        var record = AtCenters() with
        {
            Age = 30,
            Occupation = "Engineering",
            StressLevel = "Medium",
            SleepHours = 4.2,
            WorkHours = 71,
            PhysicalActivityHours = 6,
        };

        Assert.Equal(2.025, PlantedModel.Logit(record), 12);
        Assert.Equal(0.8833970308388606, PlantedModel.Probability(record), 12);
    }

    [Fact]
    public void Logit_EachEffect_MovesTheLogitByItsCoefficient()
    {
        var center = AtCenters();
        double Delta(MentalHealthRecord changed) =>
            PlantedModel.Logit(changed) - PlantedModel.Logit(center);

        Assert.Equal(PlantedModel.StressMedium, Delta(center with { StressLevel = "Medium" }), 12);
        Assert.Equal(PlantedModel.StressHigh, Delta(center with { StressLevel = "High" }), 12);
        Assert.Equal(-0.5, Delta(center with { SleepHours = 8 }), 12);
        Assert.Equal(0.6, Delta(center with { WorkHours = 65 }), 12);
        Assert.Equal(-0.5, Delta(center with { PhysicalActivityHours = 7 }), 12);
        Assert.Equal(0.3, Delta(center with { ConsultationHistory = true }), 12);
        Assert.Equal(-0.1, Delta(center with { Age = 51.5 }), 12);
        Assert.Equal(0.25, Delta(center with { Occupation = "Healthcare" }), 12);
        Assert.Equal(0.0, Delta(center with { Gender = "Male", Country = "India" }), 12);
    }

    [Fact]
    public void Logit_MissingValues_CountAsCenterOrReference()
    {
        var missing = AtCenters() with
        {
            Age = double.NaN,
            SleepHours = double.NaN,
            WorkHours = double.NaN,
            PhysicalActivityHours = double.NaN,
            StressLevel = null,
            ConsultationHistory = null,
        };

        Assert.Equal(PlantedModel.Intercept, PlantedModel.Logit(missing), 12);
    }

    [Fact]
    public void UncenteredIntercept_IsTheRawScaleIntercept()
    {
        // −1.2 + 0.5·7 − 0.06·55 + 0.25·5 + 0.01·41.5 = 0.665
        Assert.Equal(0.665, PlantedModel.UncenteredIntercept, 12);
    }

    [Fact]
    public void Coefficients_PerStandardDeviation_MainEffectsAtLeastFiveTimesTheMinorOnes()
    {
        double[] main =
        [
            Math.Abs(PlantedModel.StressHigh) * Math.Sqrt(1.0 / 3 * 2 / 3),
            Math.Abs(PlantedModel.SleepHoursPerHour) * SleepSd,
            Math.Abs(PlantedModel.WorkHoursPerHour) * WorkSd,
            Math.Abs(PlantedModel.PhysicalActivityPerHour) * ActivitySd,
        ];
        double[] minor =
        [
            Math.Abs(PlantedModel.ConsultationHistoryYes) * 0.5,
            Math.Abs(PlantedModel.AgePerYear) * AgeSd,
            Math.Abs(PlantedModel.OccupationHealthcare) * Math.Sqrt(1.0 / 7 * 6 / 7),
        ];

        Assert.True(main.Min() > 5 * minor.Max(), $"{main.Min()} vs {minor.Max()}");
    }

    [Theory]
    [InlineData(false, 0.99, "None")]
    [InlineData(true, 0.10, "Low")]
    [InlineData(true, 0.5999, "Low")]
    [InlineData(true, 0.60, "Medium")]
    [InlineData(true, 0.8299, "Medium")]
    [InlineData(true, 0.83, "High")]
    public void SeverityFor_Probability_FollowsThresholds(
        bool hasCondition,
        double probability,
        string expected
    )
    {
        Assert.Equal(expected, PlantedModel.SeverityFor(hasCondition, probability));
    }
}
