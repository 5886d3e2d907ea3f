using MentalHealthInsights.Core.Training.Explanations;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

public sealed class KeyIndicatorTableTests
{
    private static ColumnContribution Contribution(
        string column,
        double meanAbs,
        EffectDirection direction
    ) =>
        new()
        {
            Column = column,
            MeanAbsoluteContribution = meanAbs,
            Direction = direction,
            DirectionText = $"{column} text",
        };

    [Fact]
    public void Build_RanksByImportanceThenContributionThenFeatureOrder()
    {
        ColumnImportance[] importances =
        [
            new("A", 0.01, 0.001, 3),
            new("B", 0.05, 0.002, 3),
            new("C", 0.01, 0.001, 3),
            new("D", 0.01, 0.001, 3),
        ];
        ColumnContribution[] contributions =
        [
            Contribution("A", 0.1, EffectDirection.HigherRisk),
            Contribution("B", 0.2, EffectDirection.LowerRisk),
            Contribution("C", 0.3, EffectDirection.None),
            Contribution("D", 0.1, EffectDirection.HigherRisk),
        ];

        var table = KeyIndicatorTable.Build(importances, contributions);

        Assert.Equal(["B", "C", "A", "D"], table.Select(k => k.Column));
        Assert.Equal([1, 2, 3, 4], table.Select(k => k.Rank));
        Assert.Equal(EffectDirection.LowerRisk, table[0].Direction);
        Assert.Equal("B text", table[0].DirectionText);
        Assert.Equal(0.05, table[0].Importance);
        Assert.Equal(0.002, table[0].ImportanceStandardDeviation);
        Assert.Equal(0.2, table[0].MeanAbsoluteContribution);
    }
}
