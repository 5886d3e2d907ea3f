using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class LeakageGuardTests
{
    private static Core.Training.Reports.LeakageCheck Check(
        Core.Data.MentalHealthRecord[] records,
        double threshold = 0.95
    )
    {
        var labels = records.Select(r => r.HasCondition).ToArray();
        var rows = Enumerable.Range(0, records.Length).ToArray();
        var folds = StratifiedSplit.KFold(labels, 3, 1);
        return LeakageGuard.Check(
            records,
            rows,
            folds,
            FeatureSpec.Default,
            threshold,
            overridden: false
        );
    }

    [Fact]
    public void Check_NumericCopyOfTarget_AucOne()
    {
        var records = ProtocolTestData
            .Generate(300, SignalKind.None)
            .Select(r => r with { WorkHours = r.HasCondition ? 70 : 40 })
            .ToArray();

        var check = Check(records);

        Assert.Equal(["Work_Hours"], check.SuspectedColumns);
        Assert.Equal(1.0, check.Columns.Single(c => c.Column == "Work_Hours").CrossValidatedAuc);
        Assert.Equal("numeric", check.Columns.Single(c => c.Column == "Work_Hours").Kind);
    }

    [Fact]
    public void Check_NumericInverseOfTarget_OrientedAucOne()
    {
        var records = ProtocolTestData
            .Generate(300, SignalKind.None)
            .Select(r => r with { SleepHours = r.HasCondition ? 4 : 9 })
            .ToArray();

        var check = Check(records);

        Assert.Equal(["Sleep_Hours"], check.SuspectedColumns);
        Assert.Equal(1.0, check.Columns.Single(c => c.Column == "Sleep_Hours").CrossValidatedAuc);
    }

    [Fact]
    public void Check_CategoricalCopyOfTarget_NamesColumnAndMessage()
    {
        var records = ProtocolTestData.WithTargetCopiedIntoStress(
            ProtocolTestData.Generate(300, SignalKind.None)
        );

        var check = Check(records);

        Assert.True(check.Fired);
        Assert.Equal(["Stress_Level"], check.SuspectedColumns);
        Assert.Contains(
            "Stress_Level (cross-validated ROC AUC 1.000)",
            check.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Check_NoSignal_AllColumnsNearHalf()
    {
        var check = Check(ProtocolTestData.Generate(1000, SignalKind.None));

        Assert.False(check.Fired);
        Assert.All(check.Columns, c => Assert.InRange(c.CrossValidatedAuc, 0.4, 0.6));
    }

    [Fact]
    public void Check_MissingNumericValues_ImputedNotFailing()
    {
        var records = ProtocolTestData
            .Generate(300, SignalKind.None)
            .Select((r, i) => i % 3 == 0 ? r with { Age = double.NaN } : r)
            .ToArray();

        var check = Check(records);

        Assert.False(double.IsNaN(check.Columns.Single(c => c.Column == "Age").CrossValidatedAuc));
    }

    [Fact]
    public void Check_ThresholdBelowNoiseLevel_FlagsColumnsAtOrAboveIt()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);

        var check = Check(records, threshold: 0.51);

        Assert.All(check.Columns, c => Assert.Equal(c.CrossValidatedAuc >= 0.51, c.Suspected));
        Assert.Contains("Stress_Level", check.SuspectedColumns);
    }
}
