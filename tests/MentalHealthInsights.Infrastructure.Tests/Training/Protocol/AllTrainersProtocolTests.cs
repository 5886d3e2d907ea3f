using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.Protocol;

/// <summary>The protocol with every real trainer: baseline, ML.NET LR and FastForest, XGBoost.</summary>
public sealed class AllTrainersProtocolTests
{
    private static TrainingProtocol Protocol() =>
        new(
            [
                new MajorityBaselineTrainer(),
                new LogisticRegressionTrainer(),
                new RandomForestTrainer(),
                new XGBoostTrainer(),
            ],
            TimeProvider.System
        );

    [Fact]
    public void Run_PlantedData_EveryModelBeatsBaselineAndBestHasPlantedIndicators()
    {
        var records = XGBoostProtocolTestData.Generate(2000, SignalKind.Planted);

        using var result = Protocol().Run(records, XGBoostProtocolTestData.FastOptions);

        var report = result.Report;
        Assert.Equal(["baseline", "lr", "rf", "xgb"], report.Models.Select(m => m.Name));
        foreach (var model in report.Models.Where(m => !m.IsBaseline))
        {
            Assert.True(model.Test.Intervals[MetricNames.RocAuc].Lower > 0.5, model.Name);
            Assert.True(model.Significance!.RocAucVersusBaseline.PValue < 0.05, model.Name);
            Assert.True(model.Promotable, $"{model.Name}: {model.PromotionReason}");
        }

        Assert.Equal(3, report.Comparisons.Count);
        var rf = report.FindModel("rf")!;
        Assert.NotNull(rf.Calibration);
        Assert.NotNull(result.Find("rf")!.Calibrator);
        Assert.Null(report.FindModel("lr")!.Calibration);

        string[] planted = ["Physical_Activity_Hours", "Sleep_Hours", "Stress_Level", "Work_Hours"];
        Assert.Equal(
            planted,
            report.KeyIndicators.Take(4).Select(k => k.Column).Order(StringComparer.Ordinal)
        );
        var directions = report.KeyIndicators.ToDictionary(k => k.Column, k => k.Direction);
        Assert.Equal(EffectDirection.HigherRisk, directions["Stress_Level"]);
        Assert.Equal(EffectDirection.LowerRisk, directions["Sleep_Hours"]);
        Assert.Equal(EffectDirection.HigherRisk, directions["Work_Hours"]);
        Assert.Equal(EffectDirection.LowerRisk, directions["Physical_Activity_Hours"]);
    }

    [Fact]
    public void Run_NoSignalData_NothingPromotable()
    {
        var records = XGBoostProtocolTestData.Generate(1000, SignalKind.None);

        using var result = Protocol().Run(records, XGBoostProtocolTestData.FastOptions);

        Assert.Equal(TrainingReport.NoSignalHeadline, result.Report.Headline);
        Assert.All(result.Report.Models, m => Assert.False(m.Promotable));
    }
}
