using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class TrainingProtocolLeakageTests
{
    private static TrainingProtocol Protocol() =>
        new(
            [new MajorityBaselineTrainer(), new NewtonLogisticTrainer()],
            FixedTimeProvider.Default
        );

    [Fact]
    public void Run_TargetCopiedIntoStressLevel_StopsNamingStressLevel()
    {
        var records = ProtocolTestData.WithTargetCopiedIntoStress(
            ProtocolTestData.Generate(500, SignalKind.Planted)
        );

        using var result = Protocol().Run(records, ProtocolTestData.FastOptions);

        var report = result.Report;
        Assert.Equal(TrainingOutcome.StoppedForSuspectedLeakage, report.Outcome);
        Assert.Equal(["Stress_Level"], report.Leakage.SuspectedColumns);
        Assert.Equal(
            1.0,
            report.Leakage.Columns.Single(c => c.Column == "Stress_Level").CrossValidatedAuc
        );
        Assert.Contains("Stress_Level", report.Headline, StringComparison.Ordinal);
        Assert.Contains("1.000", report.Headline, StringComparison.Ordinal);
        Assert.Empty(result.Models);
        Assert.Empty(report.Models);
        Assert.False(report.SuspectedLeakageAllowed);
    }

    [Fact]
    public void Run_TargetCopiedIntoStressLevelAndAllowed_ContinuesWithWarning()
    {
        var records = ProtocolTestData.WithTargetCopiedIntoStress(
            ProtocolTestData.Generate(500, SignalKind.Planted)
        );
        var options = ProtocolTestData.FastOptions with { AllowSuspectedLeakage = true };

        using var result = Protocol().Run(records, options);

        var report = result.Report;
        Assert.Equal(TrainingOutcome.Completed, report.Outcome);
        Assert.True(report.SuspectedLeakageAllowed);
        Assert.True(report.Options.AllowSuspectedLeakage);
        Assert.Contains(report.Warnings, w => w.Contains("Stress_Level", StringComparison.Ordinal));
        Assert.Equal(2, result.Models.Count);
    }

    [Fact]
    public void Run_PlantedData_GuardDoesNotFireAndScoresEveryColumn()
    {
        var records = ProtocolTestData.Generate(500, SignalKind.Planted);

        using var result = Protocol().Run(records, ProtocolTestData.FastOptions);

        var leakage = result.Report.Leakage;
        Assert.False(leakage.Fired);
        Assert.Null(leakage.Message);
        Assert.Equal(9, leakage.Columns.Count);
        Assert.All(leakage.Columns, c => Assert.InRange(c.CrossValidatedAuc, 0.3, 0.8));
    }
}
