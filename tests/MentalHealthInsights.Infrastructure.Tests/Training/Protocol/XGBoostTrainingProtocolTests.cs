using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Tests.Training.Protocol;

/// <summary>The training protocol end to end with the real XGBoost library (TreeSHAP explanations).</summary>
public sealed class XGBoostTrainingProtocolTests
{
    [Fact]
    public void Run_PlantedData_XGBoostBeatsBaselineWithPlantedKeyIndicators()
    {
        var records = XGBoostProtocolTestData.Generate(2000, SignalKind.Planted);

        using var result = XGBoostProtocolTestData
            .Protocol()
            .Run(records, XGBoostProtocolTestData.FastOptions);

        var report = result.Report;
        Assert.Equal(TrainingOutcome.Completed, report.Outcome);
        var xgb = report.FindModel("xgb")!;
        var auc = xgb.Test.Intervals[MetricNames.RocAuc];
        Assert.True(auc.Lower > 0.5, $"AUC interval {auc}");
        Assert.True(xgb.Significance!.RocAucVersusBaseline.PValue < 0.05);
        Assert.True(xgb.Promotable, xgb.PromotionReason);
        Assert.Equal("xgb", report.BestModel);
        Assert.StartsWith("Best model: XGBoost", report.Headline, StringComparison.Ordinal);
        Assert.StartsWith("TreeSHAP", xgb.ContributionMethod, StringComparison.Ordinal);
        Assert.Empty(xgb.Coefficients);

        string[] planted = ["Physical_Activity_Hours", "Sleep_Hours", "Stress_Level", "Work_Hours"];
        Assert.Equal(
            planted,
            report.KeyIndicators.Take(4).Select(k => k.Column).Order(StringComparer.Ordinal)
        );
        var text = report.KeyIndicators.ToDictionary(k => k.Column, k => k.DirectionText);
        Assert.Equal("higher Stress_Level → higher risk", text["Stress_Level"]);
        Assert.Equal("more Sleep_Hours → lower risk", text["Sleep_Hours"]);
        Assert.Equal("more Work_Hours → higher risk", text["Work_Hours"]);
        Assert.Equal("more Physical_Activity_Hours → lower risk", text["Physical_Activity_Hours"]);
        // Mean |SHAP| agrees with permutation importance on which columns matter.
        var shapTop = xgb.Contributions.Take(4).Select(c => c.Column).Order(StringComparer.Ordinal);
        Assert.Equal(planted, shapTop);
    }

    [Fact]
    public void Run_NoSignalData_HonestyHeadlineAndNothingPromotable()
    {
        var records = XGBoostProtocolTestData.Generate(1000, SignalKind.None);

        using var result = XGBoostProtocolTestData
            .Protocol()
            .Run(records, XGBoostProtocolTestData.FastOptions);

        var report = result.Report;
        Assert.Equal(TrainingReport.NoSignalHeadline, report.Headline);
        Assert.All(report.Models, m => Assert.False(m.Promotable));
        Assert.False(report.AnyPromotable);
        Assert.StartsWith(
            "Not promotable:",
            report.FindModel("xgb")!.PromotionReason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Run_TargetCopiedIntoStressLevel_StopsNamingStressLevelUnlessAllowed()
    {
        var records = XGBoostProtocolTestData
            .Generate(600, SignalKind.Planted)
            .Select(r => r with { StressLevel = r.HasCondition ? "High" : "Low" })
            .ToArray();

        using var stopped = XGBoostProtocolTestData
            .Protocol()
            .Run(records, XGBoostProtocolTestData.FastOptions);
        using var allowed = XGBoostProtocolTestData
            .Protocol()
            .Run(
                records,
                XGBoostProtocolTestData.FastOptions with
                {
                    AllowSuspectedLeakage = true,
                }
            );

        Assert.Equal(TrainingOutcome.StoppedForSuspectedLeakage, stopped.Report.Outcome);
        Assert.Equal(["Stress_Level"], stopped.Report.Leakage.SuspectedColumns);
        Assert.Empty(stopped.Models);
        Assert.Equal(TrainingOutcome.Completed, allowed.Report.Outcome);
        Assert.True(allowed.Report.SuspectedLeakageAllowed);
        Assert.Equal("Stress_Level", allowed.Report.KeyIndicators[0].Column);
    }

    [Fact]
    public void Run_SameSeedTwice_IdenticalReportsAndModelFiles()
    {
        var records = XGBoostProtocolTestData.Generate(600, SignalKind.Planted);

        using var first = XGBoostProtocolTestData
            .Protocol()
            .Run(records, XGBoostProtocolTestData.FastOptions);
        using var second = XGBoostProtocolTestData
            .Protocol()
            .Run(records, XGBoostProtocolTestData.FastOptions);

        Assert.Equal(
            XGBoostProtocolTestData.Json(first.Report),
            XGBoostProtocolTestData.Json(second.Report)
        );
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        first.Find("xgb")!.Model.Save(a);
        second.Find("xgb")!.Model.Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }
}
