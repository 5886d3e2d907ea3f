using System.Globalization;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

public sealed partial class TrainingProtocol
{
    /// <summary>
    /// Significance against the baseline, promotability, pairwise comparisons, the best model and
    /// the headline.
    /// </summary>
    private TrainingReport Compare(
        List<ModelRun> runs,
        bool[] labels,
        DataFacts facts,
        TrainingOptions options,
        LeakageCheck leakage
    )
    {
        var baseline = runs[0];
        baseline.Evaluation = baseline.Evaluation with
        {
            Promotable = false,
            PromotionReason =
                "The majority-class baseline is the reference every model must beat; it is never promoted.",
        };

        var candidates = runs.Where(r => !r.IsBaseline).ToArray();
        // Each candidate's tests are independent and seeded (a paired bootstrap of 1,000
        // resamples over the test rows is the costly part): compute them side by side, then
        // record them in candidate order.
        var significances = new SignificanceResult[candidates.Length];
        Parallel.For(
            0,
            candidates.Length,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism },
            i =>
                significances[i] = new SignificanceResult
                {
                    RocAucVersusBaseline = DeLongTest.OneSample(
                        labels,
                        candidates[i].TestProbabilities
                    ),
                    LogLossVersusBaseline = PairedBootstrapTest.Compare(
                        labels,
                        candidates[i].TestProbabilities,
                        baseline.TestProbabilities,
                        MetricNames.LogLoss,
                        resamples: options.BootstrapResamples,
                        seed: options.Seed
                    ),
                }
        );
        for (var i = 0; i < candidates.Length; i++)
        {
            var run = candidates[i];
            var significance = significances[i];
            var (promotable, reason) = Promotion(run.Evaluation, significance, options.Alpha);
            run.Evaluation = run.Evaluation with
            {
                Significance = significance,
                Promotable = promotable,
                PromotionReason = reason,
            };
        }

        var comparisons = new List<PairwiseComparison>();
        for (var a = 0; a < candidates.Length; a++)
        {
            for (var b = a + 1; b < candidates.Length; b++)
            {
                comparisons.Add(
                    new PairwiseComparison(
                        candidates[a].Trainer.Name,
                        candidates[b].Trainer.Name,
                        DeLongTest.Compare(
                            labels,
                            candidates[a].TestProbabilities,
                            candidates[b].TestProbabilities
                        )
                    )
                );
            }
        }

        var higherIsBetter = MetricNames.HigherIsBetter(options.PrimaryMetric);
        var ranked = candidates
            .Select((run, position) => (run, position))
            .OrderByDescending(x =>
                Oriented(x.run.Search.ChosenTrial.MeanPrimaryMetric, higherIsBetter)
            )
            .ThenBy(x =>
                double.IsNaN(x.run.Search.ChosenTrial.MeanLogLoss)
                    ? double.MaxValue
                    : x.run.Search.ChosenTrial.MeanLogLoss
            )
            .ThenBy(x => x.position)
            .Select(x => x.run)
            .ToArray();
        var best = ranked.FirstOrDefault();
        var recommended = ranked.FirstOrDefault(r => r.Evaluation.Promotable);

        var warnings = new List<string>();
        if (leakage.Fired)
        {
            warnings.Add(
                $"{leakage.Message} Training continued because suspected leakage was explicitly allowed; treat every result of this run with suspicion."
            );
        }

        warnings.AddRange(
            runs.Where(r => r.Evaluation.Threshold.IsFallback)
                .Select(r => $"{r.Trainer.Name}: {r.Evaluation.Threshold.FallbackReason}")
        );

        return new TrainingReport
        {
            Outcome = TrainingOutcome.Completed,
            Headline = recommended is null
                ? TrainingReport.NoSignalHeadline
                : Headline(recommended),
            CreatedAt = _time.GetUtcNow(),
            Data = facts,
            Options = Reported(options),
            Leakage = leakage,
            Tests = TestsUsed(options),
            Models = [.. runs.Select(r => r.Evaluation)],
            Comparisons = comparisons,
            BestModel = best?.Trainer.Name,
            RecommendedModel = recommended?.Trainer.Name,
            KeyIndicators = best?.Evaluation.KeyIndicators ?? [],
            Warnings = warnings,
        };
    }

    private static (bool Promotable, string Reason) Promotion(
        ModelEvaluation evaluation,
        SignificanceResult significance,
        double alpha
    )
    {
        var auc = evaluation.Test.Metrics.RocAuc;
        var interval = evaluation.Test.Intervals[MetricNames.RocAuc];
        var p = significance.RocAucVersusBaseline.PValue;
        if (double.IsNaN(auc) || double.IsNaN(p) || double.IsNaN(interval.Lower))
        {
            return (
                false,
                "Not promotable: ROC AUC or its test is undefined on the test part (a class is missing or too rare)."
            );
        }

        var failures = new List<string>();
        if (!(p < alpha))
        {
            failures.Add(
                Invariant(
                    $"the DeLong test against the baseline gives {FormatP(p)}, not below α = {alpha:0.###}"
                )
            );
        }

        if (!(auc > 0.5))
        {
            failures.Add(Invariant($"the test ROC AUC {auc:0.000} is not above 0.5"));
        }

        if (!(interval.Lower > 0.5))
        {
            failures.Add(
                Invariant(
                    $"the 95% bootstrap interval of the ROC AUC starts at {interval.Lower:0.000}, not above 0.5"
                )
            );
        }

        return failures.Count == 0
            ? (
                true,
                Invariant(
                    $"Promotable: test ROC AUC {auc:0.000} (95% bootstrap interval {interval.Lower:0.000}–{interval.Upper:0.000}) is above 0.5 and the DeLong test against the baseline gives {FormatP(p)} < α = {alpha:0.###}."
                )
            )
            : (false, "Not promotable: " + string.Join("; ", failures) + ".");
    }

    private static string Headline(ModelRun run)
    {
        var test = run.Evaluation.Test;
        var interval = test.Intervals[MetricNames.RocAuc];
        return Invariant(
            $"Best model: {run.Trainer.DisplayName} ({run.Trainer.Name}) — test ROC AUC {test.Metrics.RocAuc:0.000} [{interval.Lower:0.000}, {interval.Upper:0.000}] (95% bootstrap interval)."
        );
    }

    private static StatisticalTestsUsed TestsUsed(TrainingOptions options) =>
        new()
        {
            Alpha = options.Alpha,
            VersusBaseline =
                "DeLong test of ROC AUC against the majority baseline on the test part (two-sided). The baseline predicts a constant, so its AUC is exactly 0.5 with no variance and the paired DeLong test equals the one-sample test of H0: AUC = 0.5.",
            Pairwise =
                "Paired DeLong test (DeLong, DeLong & Clarke-Pearson 1988; fast algorithm of Sun & Xu 2014) of the ROC AUC difference between every two non-baseline models on the same test rows (two-sided).",
            LogLoss = Invariant(
                $"Paired bootstrap test of the log-loss difference (model − baseline) on the test part: {options.BootstrapResamples} resamples of the same rows for both models, seed {options.Seed}, two-sided p = (1 + #extreme centred differences) / (resamples + 1)."
            ),
            Intervals = Invariant(
                $"95% percentile bootstrap intervals of every test metric at the chosen threshold: {options.BootstrapResamples} resamples, seed {options.Seed}."
            ),
            PromotionRule = Invariant(
                $"A model is promotable when its DeLong p-value against the baseline is below α = {options.Alpha:0.###}, its test ROC AUC is above 0.5 and the lower bound of its 95% bootstrap ROC AUC interval is above 0.5. The baseline is never promotable."
            ),
        };

    private static ReportedOptions Reported(TrainingOptions options) =>
        new()
        {
            Seed = options.Seed,
            TestFraction = options.TestFraction,
            Folds = options.Folds,
            SearchBudget = options.SearchBudget,
            SearchStrategy = SearchStrategyText(options.SearchStrategy),
            PrimaryMetric = options.PrimaryMetric,
            ThresholdStrategy = options.Threshold.ToString(),
            CalibrationMethod = options.Calibration.ToString(),
            Alpha = options.Alpha,
            BootstrapResamples = options.BootstrapResamples,
            PermutationRepeats = options.PermutationRepeats,
            LeakageAucThreshold = options.LeakageAucThreshold,
            AllowSuspectedLeakage = options.AllowSuspectedLeakage,
        };

    /// <summary>The strategy's stable text form: "halving" or "full".</summary>
    internal static string SearchStrategyText(SearchStrategy strategy) =>
        strategy == SearchStrategy.Full ? "full" : "halving";

    private static double Oriented(double value, bool higherIsBetter) =>
        double.IsNaN(value) ? double.MinValue
        : higherIsBetter ? value
        : -value;

    private static string FormatP(double p) =>
        p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
