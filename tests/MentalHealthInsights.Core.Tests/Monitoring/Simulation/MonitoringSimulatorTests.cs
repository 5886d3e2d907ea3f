using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring.Simulation;

namespace MentalHealthInsights.Core.Tests.Monitoring.Simulation;

/// <summary>
/// Each scenario really plants its drift, and only from the drift start. Tolerances are about
/// four standard errors of the checked statistic at the row counts used (e.g. a mean of
/// uniform sleep hours over 4,000 rows has SE 1.75/√4000 ≈ 0.028; a share near 1/3 has SE
/// ≈ 0.0075), so a correct generator fails about once in 15,000 runs, and the seed is fixed anyway.
/// </summary>
public sealed class MonitoringSimulatorTests
{
    private const int Rows = 4000;

    private static MonitoringSimulator Simulator(
        SimulationScenario scenario,
        int days = 12,
        int driftStart = 5,
        int seed = 7
    ) =>
        new(
            new SimulationOptions
            {
                Days = days,
                RowsPerDay = Rows,
                Scenario = scenario,
                DriftStartDay = driftStart,
                LabelDelayDays = 3,
                ReferenceRows = Rows,
                Seed = seed,
            }
        );

    [Fact]
    public void Day_Stable_EveryDayLooksLikeTheReference()
    {
        var simulator = Simulator(SimulationScenario.Stable);
        var reference = simulator.Reference().ToList();

        for (var day = 1; day <= 12; day++)
        {
            var batch = simulator.Day(day).ToList();
            Assert.Equal(Rows, batch.Count);
            Assert.False(simulator.IsDrifted(day));
            Assert.Equal(7.0, batch.Average(r => r.SleepHours), 0.12);
            Assert.Equal(1.0 / 3, Share(batch, r => r.StressLevel == "High"), 0.03);
            Assert.All(batch, r => Assert.Contains(r.Occupation, DatasetSchema.Occupations));
            Assert.Equal(Prevalence(reference), Prevalence(batch), 0.045);
        }
    }

    [Fact]
    public void Day_SleepDecline_MeanFallsByAQuarterHourPerDayFromTheStartUpToTwoHours()
    {
        var simulator = Simulator(SimulationScenario.SleepDecline);

        double Mean(int day) => simulator.Day(day).Average(r => r.SleepHours);

        Assert.Equal(7.0, Mean(4), 0.12);
        Assert.Equal(6.75, Mean(5), 0.12);
        Assert.Equal(6.0, Mean(8), 0.12);
        Assert.Equal(5.0, Mean(12), 0.12);
        // The planted model still decides the outcome: less sleep, more risk.
        Assert.True(
            Prevalence(simulator.Day(12).ToList()) > Prevalence(simulator.Day(4).ToList()) + 0.1
        );
    }

    [Fact]
    public void Day_NewOccupation_AppearsOnlyFromTheStartAndGrowsToFortyPercent()
    {
        var simulator = Simulator(SimulationScenario.NewOccupation);

        double StudentShare(int day) =>
            Share(
                simulator.Day(day).ToList(),
                r => r.Occupation == MonitoringSimulator.NewOccupationName
            );

        Assert.Equal(0, StudentShare(4));
        Assert.DoesNotContain(simulator.Reference(), r => r.Occupation == "Student");
        Assert.Equal(0.10, StudentShare(5), 0.02);
        Assert.Equal(0.20, StudentShare(6), 0.025);
        Assert.Equal(0.40, StudentShare(12), 0.03);
        // The known occupations share the rest evenly.
        var known = simulator.Day(12).Where(r => r.Occupation != "Student").ToList();
        Assert.Equal(1.0 / 7, Share(known, r => r.Occupation == "IT"), 0.03);
    }

    [Fact]
    public void Day_LabelShift_PrevalenceRisesWhileFeaturesGivenTheOutcomeStayTheSame()
    {
        var simulator = Simulator(SimulationScenario.LabelShift);
        var before = Enumerable.Range(1, 4).SelectMany(simulator.Day).ToList();
        var after = Enumerable.Range(5, 4).SelectMany(simulator.Day).ToList();
        var p0 = Prevalence(before);
        // Keeping negatives with probability 1/3 triples the odds: p0 / (p0 + (1 - p0) / 3).
        var expected = p0 / (p0 + ((1 - p0) * MonitoringSimulator.LabelShiftNegativeKeepRate));

        Assert.Equal(0.5, p0, 0.03);
        Assert.Equal(expected, Prevalence(after), 0.03);
        foreach (var outcome in new[] { true, false })
        {
            Assert.Equal(
                before.Where(r => r.HasCondition == outcome).Average(r => r.SleepHours),
                after.Where(r => r.HasCondition == outcome).Average(r => r.SleepHours),
                0.12
            );
            Assert.Equal(
                Share(
                    before.Where(r => r.HasCondition == outcome).ToList(),
                    r => r.StressLevel == "High"
                ),
                Share(
                    after.Where(r => r.HasCondition == outcome).ToList(),
                    r => r.StressLevel == "High"
                ),
                0.04
            );
        }
        // The marginal does move (people with the condition sleep less), which is what lets
        // estimated performance react before the labels arrive.
        Assert.True(after.Average(r => r.SleepHours) < before.Average(r => r.SleepHours) - 0.2);
    }

    [Fact]
    public void Day_StressSpike_HighStressJumpsToSixtyPercentAtTheStart()
    {
        var simulator = Simulator(SimulationScenario.StressSpike);

        var before = simulator.Day(4).ToList();
        var at = simulator.Day(5).ToList();
        var later = simulator.Day(12).ToList();

        Assert.Equal(1.0 / 3, Share(before, r => r.StressLevel == "High"), 0.03);
        Assert.Equal(0.60, Share(at, r => r.StressLevel == "High"), 0.03);
        Assert.Equal(0.25, Share(at, r => r.StressLevel == "Medium"), 0.03);
        Assert.Equal(0.15, Share(at, r => r.StressLevel == "Low"), 0.03);
        Assert.Equal(0.60, Share(later, r => r.StressLevel == "High"), 0.03);
        Assert.Equal(7.0, at.Average(r => r.SleepHours), 0.12);
    }

    [Fact]
    public void LabelsArrivingOn_DelayOfThree_BringsTheBatchOfThreeDaysBefore()
    {
        var simulator = Simulator(SimulationScenario.Stable);

        Assert.Equal(
            [null, null, null, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            Enumerable.Range(1, 12).Select(simulator.LabelsArrivingOn)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.LabelsArrivingOn(13));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Day(0));
    }

    [Fact]
    public void LabelsArrivingOn_NoDelay_IsTheSameDay()
    {
        var simulator = new MonitoringSimulator(
            new SimulationOptions { Days = 3, LabelDelayDays = 0 }
        );

        Assert.Equal(
            [1, 2, 3],
            Enumerable.Range(1, 3).Select(d => simulator.LabelsArrivingOn(d)!.Value)
        );
    }

    [Fact]
    public void Day_SameOptions_SameRecordsAndADayDoesNotDependOnTheNumberOfDays()
    {
        var short_ = Simulator(SimulationScenario.SleepDecline, days: 6);
        var long_ = Simulator(SimulationScenario.SleepDecline, days: 30);
        var otherSeed = Simulator(SimulationScenario.SleepDecline, days: 6, seed: 8);

        Assert.Equal(short_.Day(6), long_.Day(6));
        Assert.Equal(short_.Day(6), short_.Day(6));
        Assert.Equal(short_.Reference(), long_.Reference());
        Assert.NotEqual(short_.Day(6).Select(r => r.Age), otherSeed.Day(6).Select(r => r.Age));
        Assert.NotEqual(short_.Day(2).Select(r => r.Age), short_.Day(3).Select(r => r.Age));
    }

    [Fact]
    public void Day_Ids_AreUniqueAcrossTheReferenceAndAllDays()
    {
        var simulator = new MonitoringSimulator(
            new SimulationOptions
            {
                Days = 4,
                RowsPerDay = 50,
                ReferenceRows = 30,
                Scenario = SimulationScenario.LabelShift,
                DriftStartDay = 2,
            }
        );

        var ids = simulator
            .Reference()
            .Concat(Enumerable.Range(1, 4).SelectMany(simulator.Day))
            .Select(r => r.UserId)
            .ToList();

        Assert.Equal(230, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("1", ids[0]);
        Assert.Equal("31", ids[30]);
        Assert.Equal("230", ids[^1]);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new MonitoringSimulator(
                new SimulationOptions
                {
                    Days = 0,
                    RowsPerDay = 0,
                    Scenario = SimulationScenario.StressSpike,
                    DriftStartDay = 5,
                    LabelDelayDays = -1,
                    ReferenceRows = 0,
                }
            )
        );

        Assert.Contains("--days", error.Message, StringComparison.Ordinal);
        Assert.Contains("--rows-per-day", error.Message, StringComparison.Ordinal);
        Assert.Contains("--drift-start", error.Message, StringComparison.Ordinal);
        Assert.Contains("--label-delay", error.Message, StringComparison.Ordinal);
        Assert.Contains("--reference-rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_EmptyShift_GivesTheUnshiftedRecords()
    {
        var plain = new SyntheticDataOptions { Rows = 2000, Seed = 3 };

        Assert.Equal(
            SyntheticDataGenerator.Generate(plain),
            SyntheticDataGenerator.Generate(plain with { Shift = new SyntheticShift() })
        );
    }

    [Fact]
    public void Generate_InvalidShift_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticDataGenerator.Generate(
                new SyntheticDataOptions { Shift = new SyntheticShift { StressWeights = [1, 1] } }
            )
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticDataGenerator.Generate(
                new SyntheticDataOptions { Shift = new SyntheticShift { NewOccupationShare = 0.5 } }
            )
        );
    }

    private static double Share(
        IReadOnlyList<MentalHealthRecord> records,
        Func<MentalHealthRecord, bool> predicate
    ) => records.Count(predicate) / (double)records.Count;

    private static double Prevalence(IReadOnlyList<MentalHealthRecord> records) =>
        Share(records, r => r.HasCondition);
}
