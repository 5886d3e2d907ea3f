using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Tests.Training.Protocol;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

public sealed class WaldCoefficientsTests
{
    // A tiny dataset and its reference values, from numpy (wald_reference.py beside this file):
    // rng = numpy.random.default_rng(11); age = rng.integers(18, 66, 30); sleep = rng.integers(40, 101, 30) / 10;
    // work = rng.integers(30, 81, 30); y = rng.random(30) < σ(−0.5(sleep−7) + 0.06(work−55) − 0.01(age−41.5)).
    // Columns standardised with the population SD and rounded to float32 as the preprocessor does;
    // unpenalised Newton–Raphson to |step| < 1e-13; SE = sqrt(diag(inv(XᵀWX))); p = 2·scipy.stats.norm.sf(|β/SE|).
    private static readonly int[] Age =
    [
        24,
        24,
        56,
        41,
        46,
        46,
        52,
        19,
        41,
        25,
        37,
        62,
        44,
        21,
        44,
        24,
        54,
        63,
        65,
        47,
        59,
        35,
        24,
        42,
        39,
        49,
        65,
        31,
        59,
        24,
    ];
    private static readonly double[] Sleep =
    [
        6.1,
        8.8,
        5.5,
        8.0,
        6.7,
        7.1,
        9.7,
        8.9,
        9.1,
        7.3,
        9.9,
        9.9,
        4.8,
        5.2,
        5.8,
        7.3,
        9.0,
        6.9,
        10.0,
        6.1,
        9.6,
        7.6,
        8.3,
        5.4,
        7.6,
        8.8,
        9.4,
        9.2,
        9.9,
        4.7,
    ];
    private static readonly int[] Work =
    [
        69,
        53,
        64,
        44,
        30,
        34,
        79,
        75,
        45,
        51,
        42,
        37,
        73,
        64,
        33,
        40,
        58,
        75,
        80,
        41,
        61,
        31,
        38,
        40,
        52,
        47,
        67,
        53,
        47,
        76,
    ];
    private static readonly int[] Label =
    [
        1,
        0,
        1,
        1,
        0,
        0,
        0,
        1,
        1,
        0,
        0,
        0,
        1,
        1,
        1,
        1,
        0,
        1,
        1,
        0,
        1,
        1,
        0,
        0,
        1,
        0,
        1,
        1,
        1,
        1,
    ];

    private static readonly double[] ReferenceBeta =
    [
        0.5482032702267287,
        -0.01188966780305834,
        -0.4446750416673079,
        0.9711844715324045,
    ];
    private static readonly double[] ReferenceSe =
    [
        0.43539970819385176,
        0.4618631947228045,
        0.4848329676712429,
        0.4758748072197889,
    ];
    private static readonly double[] ReferenceP =
    [
        0.20800126699805666,
        0.979462458141572,
        0.3590527122805547,
        0.04126670608191261,
    ];
    private static readonly double[] ReferenceOrLower =
    [
        0.7370021447323244,
        0.399666473778934,
        0.24785033650491875,
        1.0392372059562525,
    ];
    private static readonly double[] ReferenceOrUpper =
    [
        4.061575762534753,
        2.4432901658977197,
        1.6579470389753412,
        6.711899224561679,
    ];

    // Same data, fixed weights (bias 0.3; −0.2, −0.9, 0.5) and λ = 2: SE = sqrt(diag(inv(XᵀWX + 2·diag(0,1,1,1)))).
    private static readonly double[] ReferenceFixedSe =
    [
        0.4147050727698914,
        0.3705406620716564,
        0.40058100194839125,
        0.3685510576952391,
    ];

    private static readonly FeatureSpec NumericSpec = new()
    {
        Features = ["Age", "Sleep_Hours", "Work_Hours"],
    };

    private static (FittedPreprocessor Preprocessor, FeatureMatrix Matrix) TinyData()
    {
        var records = Enumerable
            .Range(0, Age.Length)
            .Select(i => new MentalHealthRecord
            {
                UserId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Age = Age[i],
                SleepHours = Sleep[i],
                WorkHours = Work[i],
                Gender = "Female",
                Occupation = "IT",
                Country = "UK",
                HasCondition = Label[i] == 1,
            })
            .ToArray();
        var preprocessor = Preprocessor.Fit(records, NumericSpec);
        return (preprocessor, ExplanationTestData.Matrix(preprocessor, records));
    }

    [Fact]
    public void Compute_UnpenalisedNewtonFit_MatchesNumpyWaldValues()
    {
        var (preprocessor, matrix) = TinyData();
        var (weights, bias) = NewtonLogisticModel.Solve(matrix, 0);
        var model = new NewtonLogisticModel("lr", weights, bias, 0, false);

        var table = WaldCoefficients.Compute(model, matrix, preprocessor);

        Assert.Equal(ReferenceBeta[0], table.Intercept, 1e-9);
        Assert.Equal(ReferenceSe[0], table.InterceptStandardError, 1e-9);
        Assert.Equal(["Age", "Sleep_Hours", "Work_Hours"], table.Coefficients.Select(c => c.Term));
        for (var k = 0; k < 3; k++)
        {
            var c = table.Coefficients[k];
            Assert.Equal(ReferenceBeta[k + 1], c.Coefficient, 1e-9);
            Assert.Equal(ReferenceSe[k + 1], c.StandardError, 1e-9);
            Assert.Equal(ReferenceP[k + 1], c.PValue, 1e-9);
            Assert.Equal(ReferenceOrLower[k + 1], c.OddsRatioLower, 1e-9);
            Assert.Equal(ReferenceOrUpper[k + 1], c.OddsRatioUpper, 1e-9);
            Assert.Equal(Math.Exp(c.Coefficient), c.OddsRatio, 1e-15);
        }

        Assert.Empty(table.Notes);
    }

    [Fact]
    public void Compute_PenalisedFixedWeights_AddsLambdaToWeightsOnly()
    {
        var (preprocessor, matrix) = TinyData();
        var model = new FixedLinearModel([-0.2, -0.9, 0.5], 0.3, lambda: 2);

        var table = WaldCoefficients.Compute(model, matrix, preprocessor);

        Assert.Equal(ReferenceFixedSe[0], table.InterceptStandardError, 1e-9);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(ReferenceFixedSe[k + 1], table.Coefficients[k].StandardError, 1e-9);
        }
    }

    [Fact]
    public void Compute_UnusedUnknownSlots_LeftOutWithNotes()
    {
        var records = ExplanationTestData.Records(300);
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(new double[preprocessor.OutputWidth], 0, lambda: 1);

        var table = WaldCoefficients.Compute(model, matrix, preprocessor);

        Assert.DoesNotContain(
            table.Coefficients,
            c => c.Term.EndsWith("=<unknown>", StringComparison.Ordinal)
        );
        Assert.Contains(
            table.Notes,
            n => n.StartsWith("Gender=<unknown>:", StringComparison.Ordinal)
        );
        Assert.Equal(preprocessor.OutputWidth - 5, table.Coefficients.Count);
        Assert.All(
            table.Coefficients,
            c => Assert.True(double.IsFinite(c.StandardError) && c.StandardError > 0)
        );
        Assert.Equal(
            "Stress_Level",
            table.Coefficients.Single(c => c.Term == "Stress_Level=High").Column
        );
    }

    [Fact]
    public void Compute_UnpenalisedCollinearOneHot_StandardErrorsUndefinedWithNote()
    {
        var records = ExplanationTestData.Records(300);
        var spec = new FeatureSpec { Features = ["Stress_Level", "Sleep_Hours"] };
        var preprocessor = Preprocessor.Fit(records, spec);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(new double[preprocessor.OutputWidth], 0, lambda: 0);

        var table = WaldCoefficients.Compute(model, matrix, preprocessor);

        Assert.All(table.Coefficients, c => Assert.True(double.IsNaN(c.StandardError)));
        Assert.Contains(
            table.Notes,
            n => n.Contains("not positive definite", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Compute_WeightCountMismatch_Throws()
    {
        var (preprocessor, matrix) = TinyData();

        Assert.Throws<ArgumentException>(() =>
            WaldCoefficients.Compute(new FixedLinearModel([1, 2], 0), matrix, preprocessor)
        );
    }
}
