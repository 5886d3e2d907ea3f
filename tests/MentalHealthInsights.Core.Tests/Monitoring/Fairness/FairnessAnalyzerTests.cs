using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Fairness;

namespace MentalHealthInsights.Core.Tests.Monitoring.Fairness;

public class FairnessAnalyzerTests
{
    private static MonitoringDataset Data(
        string?[] gender,
        bool[] labels,
        bool?[]? outcomes,
        double[]? age = null
    )
    {
        int n = gender.Length;
        return new MonitoringDataset(
            n,
            [
                MonitoringColumn.Categorical("Gender", gender),
                MonitoringColumn.Numeric("Age", age ?? [.. Enumerable.Repeat(30.0, n)]),
            ],
            [.. labels.Select(l => l ? 0.9 : 0.1)],
            labels,
            outcomes
        );
    }

    private static readonly FairnessOptions GenderOnly = new()
    {
        Attributes = ["Gender"],
        MinimumGroupSize = 1,
    };

    [Fact]
    public void Analyze_TwoGroups_HandComputedFairlearnMetrics()
    {
        // A: ŷ [1,1,0,0], y [1,0,1,0] → SR 0.5, TPR 0.5, FPR 0.5. B: ŷ [1,0,0,0], y [1,1,0,0] → SR 0.25, TPR 0.5, FPR 0.
        var data = Data(
            ["A", "A", "A", "A", "B", "B", "B", "B"],
            [true, true, false, false, true, false, false, false],
            [true, false, true, false, true, true, false, false]
        );

        var attribute = FairnessAnalyzer.Analyze(data, GenderOnly)!.Attributes.Single();

        Assert.Equal(0.25, attribute.DemographicParityDifference, 12);
        Assert.Equal(0.5, attribute.DemographicParityRatio, 12);
        Assert.Equal(0.5, attribute.EqualizedOddsDifference, 12);
        Assert.Equal(0.0, attribute.EqualizedOddsRatio, 12);
        var a = attribute.Groups[0];
        Assert.Equal(("A", 4, 2), (a.Group, a.Rows, a.Positives));
        Assert.Equal(0.5, a.F1, 12);
        Assert.Equal(0.5, attribute.Gap, 12);
    }

    [Fact]
    public void Analyze_GroupWithoutPositives_TprIsZeroNotNaN()
    {
        var data = Data(
            ["A", "A", "B", "B"],
            [true, false, true, false],
            [true, false, false, false]
        );

        var b = FairnessAnalyzer.Analyze(data, GenderOnly)!.Attributes.Single().Groups[1];

        Assert.Equal(0.0, b.TruePositiveRate);
        Assert.Equal(0.5, b.FalsePositiveRate);
    }

    [Fact]
    public void Analyze_NobodySelected_RatioIsNaNDifferenceZero()
    {
        var data = Data(["A", "A", "B", "B"], [false, false, false, false], null);

        var attribute = FairnessAnalyzer.Analyze(data, GenderOnly)!.Attributes.Single();

        Assert.Equal(0.0, attribute.DemographicParityDifference);
        Assert.True(double.IsNaN(attribute.DemographicParityRatio));
        Assert.True(double.IsNaN(attribute.EqualizedOddsDifference));
        Assert.Equal(0.0, attribute.Gap);
    }

    [Fact]
    public void Analyze_SmallGroup_FlaggedAndLeftOutOfComparison()
    {
        string?[] gender =
        [
            .. Enumerable.Repeat("A", 40),
            .. Enumerable.Repeat("B", 40),
            "C",
            null,
        ];
        bool[] labels = [.. Enumerable.Range(0, 82).Select(i => i % 2 == 0 || i >= 80)];
        var data = Data(gender, labels, null);

        var attribute = FairnessAnalyzer
            .Analyze(data, new FairnessOptions { Attributes = ["Gender"] })!
            .Attributes.Single();

        Assert.Equal(["(missing)", "A", "B", "C"], attribute.Groups.Select(g => g.Group));
        Assert.True(attribute.Groups.Single(g => g.Group == "C").Small);
        Assert.False(attribute.Groups.Single(g => g.Group == "A").Small);
        // C and (missing) are selected at rate 1 but small: A and B (0.5 each) are compared.
        Assert.Equal(0.0, attribute.DemographicParityDifference, 12);
    }

    [Theory]
    [InlineData(18, "<25")]
    [InlineData(24.9, "<25")]
    [InlineData(25, "25-34")]
    [InlineData(64, "55-64")]
    [InlineData(65, "65+")]
    public void Band_DefaultEdges_Labels(double age, string expected)
    {
        Assert.Equal(expected, FairnessAnalyzer.Band(age, new FairnessOptions().AgeBandEdges));
    }

    [Fact]
    public void Analyze_NoLabels_ReturnsNull()
    {
        var data = new MonitoringDataset(1, [MonitoringColumn.Categorical("Gender", ["A"])]);

        Assert.Null(FairnessAnalyzer.Analyze(data, GenderOnly));
    }
}
