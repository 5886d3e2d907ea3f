using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class TrainingProtocolTests
{
    private static readonly string[] PlantedMainEffects =
    [
        "Stress_Level",
        "Sleep_Hours",
        "Work_Hours",
        "Physical_Activity_Hours",
    ];

    private static TrainingProtocol Protocol(params IBinaryTrainer[] trainers) =>
        new([new MajorityBaselineTrainer(), .. trainers], FixedTimeProvider.Default);

    [Fact]
    public void Constructor_WithoutBaseline_ThrowsNamingBaseline()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new TrainingProtocol([new NewtonLogisticTrainer()], TimeProvider.System)
        );

        Assert.Contains("'baseline'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BaselineListedLast_RunsBaselineFirst()
    {
        var protocol = new TrainingProtocol(
            [new NewtonLogisticTrainer(), new MajorityBaselineTrainer()],
            TimeProvider.System
        );

        Assert.Equal(["baseline", "lr"], protocol.Trainers.Select(t => t.Name));
    }

    [Fact]
    public void Constructor_DuplicateNames_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            Protocol(new NewtonLogisticTrainer(), new NewtonLogisticTrainer())
        );
    }

    [Fact]
    public void Run_InvalidOptions_ThrowsBeforeTraining()
    {
        var records = ProtocolTestData.Generate(100, SignalKind.Planted);

        Assert.Throws<ArgumentException>(() =>
            Protocol().Run(records, new TrainingOptions { Folds = 1 })
        );
    }

    [Fact]
    public void Run_PlantedData_LogisticRegressionBeatsBaselineAndIsPromotable()
    {
        var records = ProtocolTestData.Generate(2000, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions);

        var report = result.Report;
        Assert.Equal(TrainingOutcome.Completed, report.Outcome);
        Assert.Equal(["baseline", "lr"], report.Models.Select(m => m.Name));
        var lr = report.FindModel("lr")!;
        var auc = lr.Test.Intervals[MetricNames.RocAuc];
        Assert.True(auc.Lower > 0.5, $"AUC interval {auc}");
        Assert.True(lr.Significance!.RocAucVersusBaseline.PValue < 0.05);
        Assert.True(lr.Significance.LogLossVersusBaseline.Difference.Estimate < 0);
        Assert.True(lr.Promotable, lr.PromotionReason);
        Assert.False(report.FindModel("baseline")!.Promotable);
        Assert.Equal("lr", report.BestModel);
        Assert.Equal("lr", report.RecommendedModel);
        Assert.StartsWith("Best model:", report.Headline, StringComparison.Ordinal);
        Assert.Equal(TrainingReport.DisclaimerText, report.Disclaimer);
        Assert.Equal(FixedTimeProvider.Default.GetUtcNow(), report.CreatedAt);
        Assert.Equal(2000, report.Data.Rows);
        Assert.Equal(400, report.Data.TestRows);
    }

    [Fact]
    public void Run_PlantedData_TopKeyIndicatorsArePlantedEffectsInPlantedDirections()
    {
        var records = ProtocolTestData.Generate(2000, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions);

        var indicators = result.Report.KeyIndicators;
        Assert.Equal(
            PlantedMainEffects.Order(StringComparer.Ordinal),
            indicators.Take(4).Select(k => k.Column).Order(StringComparer.Ordinal)
        );
        var text = indicators.ToDictionary(k => k.Column, k => k.DirectionText);
        Assert.Equal("higher Stress_Level → higher risk", text["Stress_Level"]);
        Assert.Equal("more Sleep_Hours → lower risk", text["Sleep_Hours"]);
        Assert.Equal("more Work_Hours → higher risk", text["Work_Hours"]);
        Assert.Equal("more Physical_Activity_Hours → lower risk", text["Physical_Activity_Hours"]);
        Assert.Equal([1, 2, 3, 4], indicators.Take(4).Select(k => k.Rank));
    }

    [Fact]
    public void Run_PlantedData_OddsRatiosFollowPlantedSigns()
    {
        var records = ProtocolTestData.Generate(2000, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions);

        var terms = result.Report.FindModel("lr")!.Coefficients.ToDictionary(c => c.Term);
        Assert.True(terms["Sleep_Hours"].OddsRatioUpper < 1, "more sleep lowers the odds");
        Assert.True(terms["Work_Hours"].OddsRatioLower > 1, "more work raises the odds");
        Assert.True(terms["Stress_Level=High"].Coefficient > terms["Stress_Level=Low"].Coefficient);
        Assert.DoesNotContain(terms.Keys, t => t.EndsWith("=<unknown>", StringComparison.Ordinal));
        foreach (var c in terms.Values)
        {
            Assert.True(c.OddsRatioLower <= c.OddsRatio && c.OddsRatio <= c.OddsRatioUpper);
        }
    }

    [Fact]
    public void Run_NoSignalData_HeadlineIsHonestyStatementAndNothingPromotable()
    {
        var records = ProtocolTestData.Generate(1000, SignalKind.None);

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions);

        var report = result.Report;
        Assert.Equal(TrainingReport.NoSignalHeadline, report.Headline);
        Assert.All(report.Models, m => Assert.False(m.Promotable));
        Assert.All(report.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.PromotionReason)));
        Assert.StartsWith(
            "Not promotable:",
            report.FindModel("lr")!.PromotionReason,
            StringComparison.Ordinal
        );
        Assert.Null(report.RecommendedModel);
        Assert.Equal("lr", report.BestModel);
    }

    [Fact]
    public void Run_OnlyBaseline_HeadlineIsHonestyStatement()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);

        using var result = Protocol().Run(records, ProtocolTestData.FastOptions);

        Assert.Equal(TrainingReport.NoSignalHeadline, result.Report.Headline);
        Assert.Null(result.Report.BestModel);
        var baseline = Assert.Single(result.Models);
        Assert.Equal(0.5, baseline.Evaluation.Test.Metrics.RocAuc);
    }

    [Fact]
    public void Run_SameSeedTwice_IdenticalReports()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);
        var protocol = Protocol(
            new NewtonLogisticTrainer(),
            new NewtonLogisticTrainer("lr-squashed", squashScores: true)
        );

        using var first = protocol.Run(records, ProtocolTestData.FastOptions);
        using var second = protocol.Run(records, ProtocolTestData.FastOptions);

        Assert.Equal(ProtocolTestData.Json(first.Report), ProtocolTestData.Json(second.Report));
    }

    [Fact]
    public void Run_DifferentSeed_DifferentSplit()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);

        using var first = Protocol().Run(records, ProtocolTestData.FastOptions);
        using var second = Protocol().Run(records, ProtocolTestData.FastOptions with { Seed = 43 });

        Assert.NotEqual(ProtocolTestData.Json(first.Report), ProtocolTestData.Json(second.Report));
    }
}
