using System.Text.Json;
using System.Text.Json.Serialization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>The test part must not influence anything fitted or chosen before the final evaluation.</summary>
public sealed class TrainingProtocolNoPeekingTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static (MentalHealthRecord[] Clean, MentalHealthRecord[] Poisoned, int[] Train) Data()
    {
        var clean = ProtocolTestData.Generate(600, SignalKind.Planted);
        var labels = clean.Select(r => r.HasCondition).ToArray();
        var (train, test) = StratifiedSplit.TrainTest(
            labels,
            ProtocolTestData.FastOptions.TestFraction,
            ProtocolTestData.FastOptions.Seed
        );
        var poisoned = clean.ToArray();
        foreach (var row in test)
        {
            poisoned[row] = poisoned[row] with
            {
                Age = 1e9,
                SleepHours = 1e6,
                WorkHours = -1e6,
                PhysicalActivityHours = double.NaN,
                Occupation = DatasetSchema.Other,
                StressLevel = null,
            };
        }

        return (clean, poisoned, train);
    }

    private static TrainingProtocol Protocol() =>
        new(
            [new MajorityBaselineTrainer(), new NewtonLogisticTrainer()],
            FixedTimeProvider.Default
        );

    [Fact]
    public void Run_PoisonedTestRows_FinalPreprocessorEqualsFitOnTrainingPart()
    {
        var (_, poisoned, train) = Data();
        var expected = Preprocessor.Fit(
            train.Select(i => poisoned[i]).ToArray(),
            FeatureSpec.Default
        );

        using var result = Protocol().Run(poisoned, ProtocolTestData.FastOptions);

        foreach (var model in result.Models)
        {
            Assert.Equal(expected.ToJson(), model.Preprocessor.ToJson());
            foreach (var column in DatasetSchema.NumericColumns)
            {
                Assert.Equal(
                    expected.GetNumericStats(column),
                    model.Preprocessor.GetNumericStats(column)
                );
            }
        }

        Assert.Equal(train.Length, result.Models[0].Preprocessor.TrainingRowCount);
    }

    [Fact]
    public void Run_PoisonedTestRows_SearchLeakageCheckThresholdAndCalibrationUnchanged()
    {
        var (clean, poisoned, _) = Data();
        var protocol = new TrainingProtocol(
            [
                new MajorityBaselineTrainer(),
                new NewtonLogisticTrainer("lr-squashed", squashScores: true),
            ],
            FixedTimeProvider.Default
        );

        using var cleanRun = protocol.Run(clean, ProtocolTestData.FastOptions);
        using var poisonedRun = protocol.Run(poisoned, ProtocolTestData.FastOptions);

        Assert.Equal(Serialize(cleanRun.Report.Leakage), Serialize(poisonedRun.Report.Leakage));
        for (var m = 0; m < cleanRun.Report.Models.Count; m++)
        {
            var a = cleanRun.Report.Models[m];
            var b = poisonedRun.Report.Models[m];
            Assert.Equal(Serialize(a.Trials), Serialize(b.Trials));
            Assert.Equal(Serialize(a.Threshold), Serialize(b.Threshold));
            Assert.Equal(Serialize(a.OutOfFold), Serialize(b.OutOfFold));
            Assert.Equal(Serialize(a.Calibration), Serialize(b.Calibration));
        }

        // The test part itself did change, so the final evaluation must differ.
        Assert.NotEqual(
            Serialize(cleanRun.Report.Models[1].Test.Metrics),
            Serialize(poisonedRun.Report.Models[1].Test.Metrics)
        );
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
