using System.Globalization;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

internal static partial class TrainingReportTestData
{
    private static (ModelEvaluation Evaluation, double[] Probabilities) Baseline(bool[] labels)
    {
        var probabilities = Enumerable.Repeat(0.4, labels.Length).ToArray();
        var evaluation = Evaluate("baseline", "Majority baseline", labels, probabilities, 0.5) with
        {
            IsBaseline = true,
            Significance = null,
            Promotable = false,
            PromotionReason = "The baseline is the reference, never promoted.",
            PermutationImportance = [.. Features.Select(f => new ColumnImportance(f, 0, 0, 5))],
            Contributions = [],
            KeyIndicators = [],
        };
        return (evaluation, probabilities);
    }

    private static ModelEvaluation Model(
        string name,
        string displayName,
        bool[] labels,
        double[] probabilities,
        double[] baseline,
        bool promotable
    )
    {
        var selection = ThresholdSelector.Select(labels, probabilities, ThresholdStrategy.MaxF1);
        var evaluation = Evaluate(name, displayName, labels, probabilities, selection.Threshold);
        var auc = DeLongTest.OneSample(labels, probabilities);
        var logLoss = PairedBootstrapTest.Compare(
            labels,
            probabilities,
            baseline,
            MetricNames.LogLoss,
            resamples: Resamples
        );
        // Importances shrink with the feature's position so the ranking is easy to check.
        var importance = Features
            .Select((f, i) => new ColumnImportance(f, 0.08 / (i + 1), 0.01 / (i + 1), 5))
            .OrderByDescending(c => c.Mean)
            .ToList();
        var contributions = Features
            .Select(
                (f, i) =>
                    new ColumnContribution
                    {
                        Column = f,
                        MeanAbsoluteContribution = 0.5 / (i + 1),
                        Direction =
                            f == "Sleep_Hours"
                                ? EffectDirection.LowerRisk
                                : EffectDirection.HigherRisk,
                        DirectionText =
                            f == "Sleep_Hours"
                                ? "more Sleep_Hours → lower risk"
                                : $"higher {f} → higher risk",
                    }
            )
            .ToList();
        return evaluation with
        {
            Significance = new SignificanceResult
            {
                RocAucVersusBaseline = auc,
                LogLossVersusBaseline = logLoss,
            },
            Promotable = promotable,
            PromotionReason = promotable
                ? $"ROC AUC {auc.Auc.Estimate:0.000} is above 0.5 (DeLong p = {auc.PValue:0.00e+00})."
                : $"ROC AUC is not significantly above 0.5 (DeLong p = {auc.PValue:0.000}).",
            PermutationImportance = importance,
            Contributions = contributions,
            KeyIndicators =
            [
                .. importance.Select(
                    (c, i) =>
                        new KeyIndicator
                        {
                            Rank = i + 1,
                            Column = c.Column,
                            Importance = c.Mean,
                            ImportanceStandardDeviation = c.StandardDeviation,
                            MeanAbsoluteContribution = contributions
                                .First(x => x.Column == c.Column)
                                .MeanAbsoluteContribution,
                            Direction = contributions.First(x => x.Column == c.Column).Direction,
                            DirectionText = contributions
                                .First(x => x.Column == c.Column)
                                .DirectionText,
                        }
                ),
            ],
            Trials =
            [
                Trial(0, name, 0.70, false),
                Trial(1, name, 0.74, true),
                Trial(2, name, 0.72, false),
            ],
            ChosenTrialIndex = 1,
            HyperParameters = Trial(1, name, 0.74, true).HyperParameters,
        };
    }

    private static ModelEvaluation Evaluate(
        string name,
        string displayName,
        bool[] labels,
        double[] probabilities,
        double threshold
    )
    {
        var metrics = MetricSet.Compute(labels, probabilities, threshold);
        var calibration = CalibrationCurve.Compute(labels, probabilities);
        var crossValidation = metrics
            .AsDictionary()
            .ToDictionary(kv => kv.Key, kv => new MetricSummary(kv.Value * 0.98, 0.015, 5));
        return new ModelEvaluation
        {
            Name = name,
            DisplayName = displayName,
            IsBaseline = false,
            HyperParameters = new Dictionary<string, string>(),
            ChosenTrialIndex = 0,
            Trials = [Trial(0, name, 0.5, true)],
            CrossValidation = crossValidation,
            OutOfFold = new OutOfFoldEvaluation { Metrics = metrics, Calibration = calibration },
            Threshold = new ThresholdChoice
            {
                Value = threshold,
                Strategy = "max_f1",
                IsFallback = false,
                OutOfFoldPrecision = metrics.Precision,
                OutOfFoldRecall = metrics.Recall,
                OutOfFoldF1 = metrics.F1,
            },
            Test = new TestEvaluation
            {
                Metrics = metrics,
                Intervals = Bootstrap.MetricIntervals(labels, probabilities, threshold, Resamples),
                BootstrapResamples = Resamples,
                RocCurve = Curves.RocCurve(labels, probabilities),
                PrecisionRecallCurve = Curves.PrecisionRecallCurve(labels, probabilities),
                Calibration = calibration,
            },
            Promotable = false,
            PromotionReason = "",
            PermutationImportance = [],
            ContributionMethod = "none",
            Contributions = [],
            KeyIndicators = [],
        };
    }

    private static SearchTrial Trial(int index, string model, double mean, bool chosen) =>
        new()
        {
            TrialIndex = index,
            HyperParameters = model switch
            {
                "baseline" => new Dictionary<string, string>(),
                "xgb" => new Dictionary<string, string>
                {
                    ["max_depth"] = (3 + index).ToString(CultureInfo.InvariantCulture),
                    ["eta"] = "0.1",
                },
                _ => new Dictionary<string, string>
                {
                    ["l2"] = (0.1 * (index + 1)).ToString("0.0", CultureInfo.InvariantCulture),
                },
            },
            PrimaryMetric = MetricNames.RocAuc,
            MeanPrimaryMetric = mean,
            StandardDeviationPrimaryMetric = 0.02,
            MeanLogLoss = 0.6,
            Folds =
            [
                new FoldMetrics(
                    0,
                    320,
                    new Dictionary<string, double> { [MetricNames.RocAuc] = mean }
                ),
            ],
            Chosen = chosen,
        };

    /// <summary>Ten terms: four numeric (per SD) and six one-hot slots.</summary>
    private static List<LinearCoefficient> Coefficients()
    {
        (string Term, string Column, double Beta, double Se)[] terms =
        [
            ("Age", "Age", 0.05, 0.08),
            ("Sleep_Hours", "Sleep_Hours", -0.45, 0.09),
            ("Work_Hours", "Work_Hours", 0.20, 0.08),
            ("Physical_Activity_Hours", "Physical_Activity_Hours", -0.15, 0.08),
            ("Stress_Level=High", "Stress_Level", 0.85, 0.15),
            ("Stress_Level=Medium", "Stress_Level", 0.30, 0.14),
            ("Gender=Female", "Gender", 0.10, 0.12),
            ("Occupation=IT", "Occupation", 0.12, 0.18),
            ("Country=Other", "Country", -0.05, 0.20),
            ("Consultation_History=Yes", "Consultation_History", 0.40, 0.12),
        ];
        return
        [
            .. terms.Select(t => new LinearCoefficient(
                t.Term,
                t.Column,
                t.Beta,
                t.Se,
                Math.Exp(t.Beta),
                Math.Exp(t.Beta - (1.96 * t.Se)),
                Math.Exp(t.Beta + (1.96 * t.Se)),
                Math.Abs(t.Beta / t.Se) > 3.3 ? 0.0004 : 0.2
            )),
        ];
    }
}
