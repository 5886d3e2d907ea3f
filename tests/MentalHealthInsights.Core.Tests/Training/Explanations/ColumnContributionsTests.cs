using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Explanations;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

public sealed class ColumnContributionsTests
{
    private static (
        ContributionSummary Summary,
        FittedPreprocessor Preprocessor,
        Core.Training.FeatureMatrix Matrix
    ) Summarise(params (string Slot, double Weight)[] weights)
    {
        var records = ExplanationTestData.Records();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(ExplanationTestData.Weights(preprocessor, weights), 0.1);
        return (ColumnContributions.Summarise(model, matrix, preprocessor), preprocessor, matrix);
    }

    [Fact]
    public void Summarise_NumericNegativeWeight_LowerRiskAndHandComputedMeanAbs()
    {
        var (summary, preprocessor, matrix) = Summarise(("Sleep_Hours", -0.8));

        var sleep = summary.Columns.Single(c => c.Column == "Sleep_Hours");
        var slot = preprocessor.OutputNames.ToList().IndexOf("Sleep_Hours");
        var expected = Enumerable
            .Range(0, matrix.Rows)
            .Average(i => Math.Abs(-0.8 * matrix.Row(i)[slot]));
        Assert.Equal(expected, sleep.MeanAbsoluteContribution, 12);
        Assert.Equal(EffectDirection.LowerRisk, sleep.Direction);
        Assert.Equal(-1.0, sleep.Correlation, 9);
        Assert.Equal("more Sleep_Hours → lower risk", sleep.DirectionText);
        Assert.Equal("Sleep_Hours", summary.Columns[0].Column);
        Assert.Equal("coefficient × standardised value", summary.Method);
        Assert.Equal(400, summary.Rows);
    }

    [Fact]
    public void Summarise_StressHighAboveLow_HigherStressHigherRisk()
    {
        var (summary, _, _) = Summarise(("Stress_Level=High", 1.0), ("Stress_Level=Low", -0.4));

        var stress = summary.Columns.Single(c => c.Column == "Stress_Level");
        Assert.Equal(EffectDirection.HigherRisk, stress.Direction);
        Assert.Equal("High", stress.HigherLevel);
        Assert.Equal("Low", stress.LowerLevel);
        Assert.Equal(1.0, stress.LevelMeans["High"]);
        Assert.Equal(-0.4, stress.LevelMeans["Low"], 12);
        Assert.Equal(0.0, stress.LevelMeans["Medium"]);
        Assert.Equal("higher Stress_Level → higher risk", stress.DirectionText);
    }

    [Fact]
    public void Summarise_StressHighBelowLow_HigherStressLowerRisk()
    {
        var (summary, _, _) = Summarise(("Stress_Level=High", -1.0), ("Stress_Level=Low", 1.0));

        var stress = summary.Columns.Single(c => c.Column == "Stress_Level");
        Assert.Equal(EffectDirection.LowerRisk, stress.Direction);
        Assert.Equal("higher Stress_Level → lower risk", stress.DirectionText);
    }

    [Fact]
    public void Summarise_NominalLevelRaisesRisk_NamesTheLevel()
    {
        var (summary, _, _) = Summarise(("Occupation=Healthcare", 0.7), ("Occupation=Sales", -0.2));

        var occupation = summary.Columns.Single(c => c.Column == "Occupation");
        Assert.Equal(EffectDirection.HigherRisk, occupation.Direction);
        Assert.Equal("Healthcare", occupation.HigherLevel);
        Assert.Equal("Sales", occupation.LowerLevel);
        Assert.Equal(
            "Occupation=Healthcare → higher risk than other levels",
            occupation.DirectionText
        );
        Assert.DoesNotContain("<unknown>", occupation.LevelMeans.Keys);
    }

    [Fact]
    public void Summarise_ZeroWeight_NoDirection()
    {
        var (summary, _, _) = Summarise(("Sleep_Hours", -0.8));

        var age = summary.Columns.Single(c => c.Column == "Age");
        Assert.Equal(EffectDirection.None, age.Direction);
        Assert.Equal(0.0, age.MeanAbsoluteContribution);
        Assert.Equal("Age: no consistent direction", age.DirectionText);
        Assert.Equal(
            EffectDirection.None,
            summary.Columns.Single(c => c.Column == "Gender").Direction
        );
    }

    [Fact]
    public void Summarise_MaxRows_ExplainsOnlyTheFirstRows()
    {
        var records = ExplanationTestData.Records();
        var preprocessor = Preprocessor.Fit(records, FeatureSpec.Default);
        var matrix = ExplanationTestData.Matrix(preprocessor, records);
        var model = new FixedLinearModel(
            ExplanationTestData.Weights(preprocessor, ("Work_Hours", 0.5)),
            0
        );

        var summary = ColumnContributions.Summarise(model, matrix, preprocessor, maxRows: 50);

        Assert.Equal(50, summary.Rows);
        Assert.Equal("more Work_Hours → higher risk", summary.Columns[0].DirectionText);
    }
}
