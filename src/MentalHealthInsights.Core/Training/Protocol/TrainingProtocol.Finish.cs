using System.Globalization;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Explanations;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

public sealed partial class TrainingProtocol
{
    /// <summary>
    /// Calibration and threshold on the out-of-fold predictions, the final refit on the whole
    /// training part, and the one evaluation on the test part (metrics, intervals, curves,
    /// importances, contributions, coefficients).
    /// </summary>
    private static ModelRun Finish(
        IBinaryTrainer trainer,
        SearchOutcome search,
        FinalContext context,
        TrainingOptions options,
        ProgressTracker tracker,
        CancellationToken ct
    )
    {
        var notes = new List<string>();
        var trainLabels = context.TrainLabels;
        var rawOutOfFold = search.OutOfFold;
        var outOfFold = rawOutOfFold;
        ICalibrator? calibrator = null;
        CalibrationSummary? calibration = null;
        if (trainer.NeedsCalibration)
        {
            calibrator = CalibratorFactory.Fit(options.Calibration, rawOutOfFold, trainLabels);
            outOfFold = [.. rawOutOfFold.Select(calibrator.Apply)];
            calibration = Summarise(calibrator, rawOutOfFold.Length);
        }

        var threshold = ChooseThreshold(trainer.Name, trainLabels, outOfFold, options, notes);
        ct.ThrowIfCancellationRequested();
        tracker.Stage($"final fit {trainer.Name}", trainer.Name);
        var model = trainer.Fit(context.Train, search.Chosen, options.Seed, ct);
        try
        {
            var test = context.Test;
            var probabilities = new double[test.Rows];
            PermutationImportance.Score(model, calibrator, test, probabilities);
            tracker.Advance(
                1,
                new TrainingProgress($"final fit {trainer.Name}", 0) { Model = trainer.Name }
            );

            var bootstrap = Bootstrap.Run(
                test.Labels,
                probabilities,
                threshold.Value,
                options.BootstrapResamples,
                options.Seed
            );
            var importance = PermutationImportance.Compute(
                model,
                calibrator,
                test,
                context.Preprocessor,
                options.PermutationRepeats,
                options.Seed,
                options.Parallelism,
                ct
            );
            var contributions = ColumnContributions.Summarise(
                model,
                test,
                context.Preprocessor,
                cancellationToken: ct
            );
            if (contributions.Rows < test.Rows)
            {
                notes.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Contributions summarise the first {contributions.Rows} of {test.Rows} test rows."
                    )
                );
            }

            IReadOnlyList<LinearCoefficient> coefficients = [];
            if (model is ILinearBinaryModel linear)
            {
                var table = WaldCoefficients.Compute(linear, context.Train, context.Preprocessor);
                coefficients = table.Coefficients;
                notes.AddRange(table.Notes);
            }

            var evaluation = new ModelEvaluation
            {
                Name = trainer.Name,
                DisplayName = trainer.DisplayName,
                IsBaseline = trainer.Name == BaselineName,
                HyperParameters = search.Chosen.Values,
                ChosenTrialIndex = search.ChosenIndex,
                Trials = search.Trials,
                CrossValidation = CrossValidationSummary.Summarise(
                    search.ChosenTrial.Folds.Select(f => f.Metrics)
                ),
                Calibration = calibration,
                OutOfFold = new OutOfFoldEvaluation
                {
                    Metrics = MetricSet.Compute(trainLabels, outOfFold, threshold.Value),
                    Calibration = CalibrationCurve.Compute(trainLabels, outOfFold),
                    UncalibratedCalibration = calibrator is null
                        ? null
                        : CalibrationCurve.Compute(trainLabels, Clip(rawOutOfFold)),
                },
                Threshold = threshold,
                Test = new TestEvaluation
                {
                    Metrics = bootstrap.Estimate,
                    Intervals = bootstrap.Intervals,
                    BootstrapResamples = bootstrap.Resamples,
                    RocCurve = Curves.RocCurve(test.Labels, probabilities),
                    PrecisionRecallCurve = Curves.PrecisionRecallCurve(test.Labels, probabilities),
                    Calibration = CalibrationCurve.Compute(test.Labels, probabilities),
                },
                Promotable = false,
                PromotionReason = "Not compared yet.",
                PermutationImportance = importance,
                ContributionMethod = contributions.Method,
                Contributions = contributions.Columns,
                Coefficients = coefficients,
                KeyIndicators = KeyIndicatorTable.Build(importance, contributions.Columns),
                Notes = notes,
            };
            tracker.Advance(
                1,
                new TrainingProgress($"evaluation {trainer.Name}", 0) { Model = trainer.Name }
            );
            return new ModelRun(
                trainer,
                search,
                model,
                calibrator,
                threshold.Value,
                probabilities,
                evaluation
            );
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static ThresholdChoice ChooseThreshold(
        string name,
        bool[] labels,
        double[] probabilities,
        TrainingOptions options,
        List<string> notes
    )
    {
        var selection = ThresholdSelector.Select(labels, probabilities, options.Threshold);
        var value = selection.IsReachable ? selection.Threshold : 0.5;
        string? reason = null;
        if (!selection.IsReachable)
        {
            reason = $"{selection.Reason} The threshold 0.5 is used instead.";
            notes.Add($"Threshold ({options.Threshold}) for {name}: {reason}");
        }

        var confusion = ConfusionMatrix.From(labels, probabilities, value);
        return new ThresholdChoice
        {
            Value = value,
            Strategy = options.Threshold.ToString(),
            IsFallback = !selection.IsReachable,
            FallbackReason = reason,
            OutOfFoldPrecision = confusion.Precision,
            OutOfFoldRecall = confusion.Recall,
            OutOfFoldF1 = confusion.F1,
        };
    }

    private static CalibrationSummary Summarise(ICalibrator calibrator, int rows) =>
        calibrator switch
        {
            PlattCalibrator platt => new CalibrationSummary(
                nameof(CalibrationMethod.Platt),
                rows,
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["a"] = platt.Parameters.A,
                    ["b"] = platt.Parameters.B,
                }
            ),
            IsotonicCalibrator isotonic => new CalibrationSummary(
                nameof(CalibrationMethod.Isotonic),
                rows,
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["knots"] = isotonic.Parameters.Thresholds.Count,
                }
            ),
            _ => new CalibrationSummary(
                calibrator.Method.ToString(),
                rows,
                new Dictionary<string, double>()
            ),
        };

    /// <summary>Raw scores of models that need calibration need not be probabilities; the curve needs [0, 1].</summary>
    private static double[] Clip(double[] scores) => [.. scores.Select(s => Math.Clamp(s, 0, 1))];
}
