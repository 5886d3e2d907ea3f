using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;

namespace MentalHealthInsights.Core.Tests.Data.Synthetic;

/// <summary>
/// The planted data carries the documented model and the None data carries nothing, checked
/// with independent statistics (a hand-written logistic fit, chi-square and z tests).
/// </summary>
public class SyntheticSignalTests
{
    private const int Rows = 20_000;

    // Critical values at p = 0.01, from SciPy 1.10.1: scipy.stats.chi2.ppf(0.99, df) for
    // df = 1, 2, 3, 6 and scipy.stats.norm.ppf(0.995) for a two-sided z test.
    private const double ChiSquare1Df = 6.6348966010212145;
    private const double ChiSquare2Df = 9.21034037197618;
    private const double ChiSquare3Df = 11.344866730144373;
    private const double ChiSquare6Df = 16.811893829770927;
    private const double ZTwoSided = 2.5758293035489004;

    private static readonly string[] FeatureNames =
    [
        "StressMedium",
        "StressHigh",
        "Sleep",
        "Work",
        "Activity",
        "Consultation",
        "Age",
        "Healthcare",
    ];

    private static List<MentalHealthRecord> Sample(SignalKind signal, int seed) =>
        [
            .. SyntheticDataGenerator.Generate(
                new SyntheticDataOptions
                {
                    Rows = Rows,
                    Seed = seed,
                    Signal = signal,
                }
            ),
        ];

    [Fact]
    public void Generate_Planted_LogisticFitRecoversSignsAndTheFourMainEffectsDominate()
    {
        var records = Sample(SignalKind.Planted, seed: 11);
        var (standardized, _) = FitStandardized(records);

        Assert.True(standardized["StressHigh"] > 0);
        Assert.True(standardized["StressMedium"] > 0);
        Assert.True(standardized["Sleep"] < 0);
        Assert.True(standardized["Work"] > 0);
        Assert.True(standardized["Activity"] < 0);
        var topFour = standardized
            .OrderByDescending(kv => Math.Abs(kv.Value))
            .Take(4)
            .Select(kv => kv.Key)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Activity", "Sleep", "StressHigh", "Work"], topFour);
        var weakestMain = new[] { "StressHigh", "Sleep", "Work", "Activity" }.Min(name =>
            Math.Abs(standardized[name])
        );
        var strongestMinor = new[] { "Consultation", "Age", "Healthcare" }.Max(name =>
            Math.Abs(standardized[name])
        );
        Assert.True(weakestMain > 3 * strongestMinor, $"{weakestMain} vs {strongestMinor}");
    }

    [Fact]
    public void Generate_Planted_LogisticFitRecoversThePlantedCoefficients()
    {
        var records = Sample(SignalKind.Planted, seed: 12);
        var (standardized, sd) = FitStandardized(records);
        var planted = new Dictionary<string, double>
        {
            ["StressMedium"] = PlantedModel.StressMedium,
            ["StressHigh"] = PlantedModel.StressHigh,
            ["Sleep"] = PlantedModel.SleepHoursPerHour,
            ["Work"] = PlantedModel.WorkHoursPerHour,
            ["Activity"] = PlantedModel.PhysicalActivityPerHour,
            ["Consultation"] = PlantedModel.ConsultationHistoryYes,
            ["Age"] = PlantedModel.AgePerYear,
            ["Healthcare"] = PlantedModel.OccupationHealthcare,
        };

        // Compared per standard deviation, within 0.1: the fit's standard errors at 20,000 rows
        // are about 0.02–0.04 on this scale, so 0.1 is over 2.5 of them for the noisiest term.
        Assert.All(
            FeatureNames,
            name => Assert.InRange(standardized[name] - (planted[name] * sd[name]), -0.1, 0.1)
        );
    }

    [Fact]
    public void Generate_None_NoFeatureIsAssociatedWithTheTarget()
    {
        var records = Sample(SignalKind.None, seed: 13);
        var target = records.Select(r => r.HasCondition).ToList();

        // p > 0.01 for every feature, at a fixed seed (the test is deterministic).
        Assert.InRange(ChiSquare(records, r => r.StressLevel!, target), 0, ChiSquare2Df);
        Assert.InRange(ChiSquare(records, r => r.Gender, target), 0, ChiSquare3Df);
        Assert.InRange(ChiSquare(records, r => r.Occupation, target), 0, ChiSquare6Df);
        Assert.InRange(ChiSquare(records, r => r.Country, target), 0, ChiSquare6Df);
        Assert.InRange(
            ChiSquare(records, r => r.ConsultationHistory == true ? "Yes" : "No", target),
            0,
            ChiSquare1Df
        );
        Assert.InRange(Math.Abs(Z(records, r => r.SleepHours, target)), 0, ZTwoSided);
        Assert.InRange(Math.Abs(Z(records, r => r.WorkHours, target)), 0, ZTwoSided);
        Assert.InRange(Math.Abs(Z(records, r => r.PhysicalActivityHours, target)), 0, ZTwoSided);
        Assert.InRange(Math.Abs(Z(records, r => r.Age, target)), 0, ZTwoSided);
    }

    [Fact]
    public void Generate_Planted_SameStatisticsDetectTheSignal()
    {
        // The contrast to the None test: the same statistics are far beyond p = 0.01 here, so
        // the None test passing means something.
        var records = Sample(SignalKind.Planted, seed: 13);
        var target = records.Select(r => r.HasCondition).ToList();

        Assert.True(ChiSquare(records, r => r.StressLevel!, target) > 10 * ChiSquare2Df);
        Assert.True(Z(records, r => r.SleepHours, target) < -10 * ZTwoSided);
        Assert.True(Z(records, r => r.WorkHours, target) > 10 * ZTwoSided);
        Assert.True(Z(records, r => r.PhysicalActivityHours, target) < -5 * ZTwoSided);
    }

    private static double ChiSquare(
        List<MentalHealthRecord> records,
        Func<MentalHealthRecord, string> category,
        List<bool> target
    ) => AssociationStatistics.ChiSquare(records.Select(category).ToList(), target);

    private static double Z(
        List<MentalHealthRecord> records,
        Func<MentalHealthRecord, double> value,
        List<bool> target
    ) => AssociationStatistics.DifferenceInMeansZ(records.Select(value).ToList(), target);

    // Fits on standardized features; returns coefficients per standard deviation and the sds.
    private static (
        Dictionary<string, double> Standardized,
        Dictionary<string, double> Sd
    ) FitStandardized(List<MentalHealthRecord> records)
    {
        var raw = records
            .Select(r =>
                new[]
                {
                    r.StressLevel == "Medium" ? 1.0 : 0.0,
                    r.StressLevel == "High" ? 1.0 : 0.0,
                    r.SleepHours,
                    r.WorkHours,
                    r.PhysicalActivityHours,
                    r.ConsultationHistory == true ? 1.0 : 0.0,
                    r.Age,
                    r.Occupation == "Healthcare" ? 1.0 : 0.0,
                }
            )
            .ToArray();
        var k = FeatureNames.Length;
        var mean = new double[k];
        var sd = new double[k];
        for (var j = 0; j < k; j++)
        {
            mean[j] = raw.Average(x => x[j]);
            sd[j] = Math.Sqrt(raw.Average(x => (x[j] - mean[j]) * (x[j] - mean[j])));
        }

        var x = raw.Select(row => row.Select((v, j) => (v - mean[j]) / sd[j]).ToArray()).ToArray();
        var beta = LogisticFit.Fit(x, [.. records.Select(r => r.HasCondition)]);
        return (
            FeatureNames.Select((name, j) => (name, beta[j + 1])).ToDictionary(),
            FeatureNames.Select((name, j) => (name, sd[j])).ToDictionary()
        );
    }
}
