using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class TrainingProtocolRunTests
{
    private static TrainingProtocol Protocol(params IBinaryTrainer[] trainers) =>
        new([new MajorityBaselineTrainer(), .. trainers], FixedTimeProvider.Default);

    [Fact]
    public void Run_TrainerNeedingCalibration_CalibratesOnOutOfFoldPredictions()
    {
        var records = ProtocolTestData.Generate(1000, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer("lr-squashed", squashScores: true))
            .Run(records, ProtocolTestData.FastOptions);

        var model = result.Find("lr-squashed")!;
        Assert.NotNull(model.Calibrator);
        var evaluation = model.Evaluation;
        Assert.Equal("Platt", evaluation.Calibration!.Method);
        Assert.Equal(result.Report.Data.TrainRows, evaluation.Calibration.FittedOnRows);
        Assert.True(
            evaluation.OutOfFold.Calibration.ExpectedCalibrationError
                < evaluation.OutOfFold.UncalibratedCalibration!.ExpectedCalibrationError / 2
        );
        Assert.True(evaluation.Test.Calibration.ExpectedCalibrationError < 0.08);
        Assert.Null(result.Find("baseline")!.Calibrator);
    }

    [Fact]
    public void Run_IsotonicOption_UsesIsotonicCalibrator()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);
        var options = ProtocolTestData.FastOptions with
        {
            Calibration = Core.Training.Calibration.CalibrationMethod.Isotonic,
        };

        using var result = Protocol(new NewtonLogisticTrainer("lr-squashed", squashScores: true))
            .Run(records, options);

        Assert.Equal("Isotonic", result.Find("lr-squashed")!.Evaluation.Calibration!.Method);
        Assert.Equal("Isotonic", result.Report.Options.CalibrationMethod);
    }

    [Fact]
    public void Run_Search_RecordsEveryTrialAndChoosesBestMeanPrimaryMetric()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions);

        var lr = result.Report.FindModel("lr")!;
        Assert.Equal(3, lr.Trials.Count);
        Assert.All(lr.Trials, t => Assert.Equal(3, t.Folds.Count));
        var best = lr.Trials.Max(t => t.MeanPrimaryMetric);
        Assert.Equal(best, lr.Trials[lr.ChosenTrialIndex].MeanPrimaryMetric);
        Assert.Single(lr.Trials, t => t.Chosen);
        Assert.Equal(
            lr.Trials[lr.ChosenTrialIndex].HyperParameters["l2"],
            result.Find("lr")!.HyperParameters.Values["l2"]
        );
        Assert.Equal(
            lr.Trials[lr.ChosenTrialIndex].MeanPrimaryMetric,
            lr.CrossValidation[MetricNames.RocAuc].Mean,
            12
        );
    }

    [Fact]
    public void Run_Progress_ReportsFoldAndTrialEventsAndEndsAtOne()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);
        var events = new List<TrainingProgress>();

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions, new SynchronousProgress(events.Add));

        // baseline: 1 configuration × 3 folds; lr: 3 × 3.
        Assert.Equal(12, events.Count(e => e.Fold is not null));
        Assert.Equal(4, events.Count(e => e.Trial is not null));
        Assert.Equal(1.0, events[^1].Fraction);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Fraction >= events[i - 1].Fraction);
        }

        var firstLrTrial = events.First(e => e.Trial is not null && e.Model == "lr").Trial!;
        Assert.Equal(
            result.Report.FindModel("lr")!.Trials[0].MeanPrimaryMetric,
            firstLrTrial.MeanPrimaryMetric
        );
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Protocol(new NewtonLogisticTrainer())
                .Run(records, ProtocolTestData.FastOptions, ct: cancellation.Token)
        );
    }

    [Fact]
    public void Run_OneClassOnly_InsufficientDataResult()
    {
        var records = ProtocolTestData
            .Generate(100, SignalKind.Planted)
            .Select(r => r with { HasCondition = true })
            .ToArray();

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, ProtocolTestData.FastOptions);

        Assert.Equal(TrainingOutcome.InsufficientData, result.Report.Outcome);
        Assert.Empty(result.Models);
        Assert.Contains("0 negative", result.Report.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TrainedModel_PredictsThroughPreprocessorAndCalibrator()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer("lr-squashed", squashScores: true))
            .Run(records, ProtocolTestData.FastOptions);

        var model = result.Find("lr-squashed")!;
        var raw = model.Model.Predict(model.Preprocessor.Transform(records[0]));
        Assert.Equal(model.Calibrator!.Apply(raw), model.PredictProbability(records[0]));
        Assert.Equal(model.Evaluation.Threshold.Value, model.Threshold);
    }
}
