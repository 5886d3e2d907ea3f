using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

/// <summary>
/// Training reports built by hand for the writer's tests: the numbers come from Core's real
/// metric, curve, bootstrap and DeLong code applied to seeded synthetic test-part predictions,
/// so they are consistent with each other the way the protocol's would be.
/// </summary>
internal static partial class TrainingReportTestData
{
    public static readonly DateTimeOffset CreatedAt = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public const int TestRows = 400;

    /// <summary>Bootstrap resamples used in these reports (fewer than the protocol's 1,000 to keep tests fast).</summary>
    public const int Resamples = 200;

    public static readonly string[] Features =
    [
        "Age",
        "Gender",
        "Occupation",
        "Country",
        "Consultation_History",
        "Stress_Level",
        "Sleep_Hours",
        "Work_Hours",
        "Physical_Activity_Hours",
    ];

    /// <summary>Baseline, logistic regression and XGBoost on data with a signal; both models promotable, LR best.</summary>
    public static TrainingReport Realistic()
    {
        var (labels, lr, xgb) = Predictions(signal: 1.6, seed: 11);
        var baseline = Baseline(labels);
        var models = new List<ModelEvaluation>
        {
            baseline.Evaluation,
            Model(
                "lr",
                "Logistic regression",
                labels,
                lr,
                baseline.Probabilities,
                promotable: true
            ) with
            {
                Coefficients = Coefficients(),
                ContributionMethod = "coefficient × standardised value",
            },
            Model("xgb", "XGBoost", labels, xgb, baseline.Probabilities, promotable: true) with
            {
                ContributionMethod = "TreeSHAP (XGBoost pred_contribs)",
            },
        };
        var best = models[1];
        return Report(models, labels, lr, xgb) with
        {
            Headline =
                $"Logistic regression is the best model: test ROC AUC {Format(best.Test.Intervals[MetricNames.RocAuc])}.",
            BestModel = "lr",
            RecommendedModel = "lr",
            KeyIndicators = best.KeyIndicators,
        };
    }

    /// <summary>The same shape on data without signal: nothing promotable, the no-signal headline.</summary>
    public static TrainingReport NoSignal()
    {
        var (labels, lr, xgb) = Predictions(signal: 0, seed: 5);
        var baseline = Baseline(labels);
        var models = new List<ModelEvaluation>
        {
            baseline.Evaluation,
            Model(
                "lr",
                "Logistic regression",
                labels,
                lr,
                baseline.Probabilities,
                promotable: false
            ) with
            {
                Coefficients = Coefficients(),
            },
            Model("xgb", "XGBoost", labels, xgb, baseline.Probabilities, promotable: false) with
            {
                ContributionMethod = "TreeSHAP (XGBoost pred_contribs)",
            },
        };
        return Report(models, labels, lr, xgb) with
        {
            Headline = TrainingReport.NoSignalHeadline,
            BestModel = "xgb",
            RecommendedModel = null,
            KeyIndicators = models[2].KeyIndicators,
        };
    }

    /// <summary>A run stopped by the leakage guard: nothing trained.</summary>
    public static TrainingReport StoppedForLeakage()
    {
        var realistic = Realistic();
        return realistic with
        {
            Outcome = TrainingOutcome.StoppedForSuspectedLeakage,
            Headline =
                "Training stopped: suspected target leakage in Consultation_History (cross-validated ROC AUC 0.991 ≥ 0.950).",
            Leakage = Leakage(fired: true, overridden: false),
            Models = [],
            Comparisons = [],
            BestModel = null,
            RecommendedModel = null,
            KeyIndicators = [],
        };
    }

    /// <summary>The realistic run, continued although the leakage guard fired.</summary>
    public static TrainingReport LeakageAllowed() =>
        Realistic() with
        {
            Leakage = Leakage(fired: true, overridden: true),
            Warnings = ["Suspected leakage was allowed (--allow-suspected-leakage)."],
        };

    public static string Format(Interval interval) =>
        FormattableString.Invariant(
            $"{interval.Estimate:0.000} [{interval.Lower:0.000}, {interval.Upper:0.000}]"
        );

    private static TrainingReport Report(
        List<ModelEvaluation> models,
        bool[] labels,
        double[] lr,
        double[] xgb
    )
    {
        int testPositives = labels.Count(l => l);
        return new TrainingReport
        {
            Outcome = TrainingOutcome.Completed,
            Headline = "",
            CreatedAt = CreatedAt,
            Data = new DataFacts
            {
                Rows = TestRows * 5,
                Positives = testPositives * 5,
                Prevalence = (double)testPositives / TestRows,
                TrainRows = TestRows * 4,
                TrainPositives = testPositives * 4,
                TestRows = TestRows,
                TestPositives = testPositives,
                DataHash = "3f2a9c0e5b7d41a6c8e2f0b1d3a5c7e9f1b3d5a7c9e1f3b5d7a9c1e3f5b7d9a1",
                Seed = 42,
                Features = Features,
                Target = "Mental_Health_Condition",
            },
            Options = new ReportedOptions
            {
                Seed = 42,
                TestFraction = 0.2,
                Folds = 5,
                SearchBudget = 20,
                PrimaryMetric = MetricNames.RocAuc,
                ThresholdStrategy = "max_f1",
                CalibrationMethod = "Platt",
                Alpha = 0.05,
                BootstrapResamples = Resamples,
                PermutationRepeats = 5,
                LeakageAucThreshold = 0.95,
                AllowSuspectedLeakage = false,
            },
            Leakage = Leakage(fired: false, overridden: false),
            Tests = new StatisticalTestsUsed
            {
                Alpha = 0.05,
                VersusBaseline =
                    "DeLong test of H0: ROC AUC = 0.5 (the baseline's constant score).",
                Pairwise = "Paired DeLong test of the difference in ROC AUC.",
                LogLoss = "Paired bootstrap test of the log-loss difference.",
                Intervals = "95% percentile bootstrap over test rows.",
                PromotionRule =
                    "ROC AUC significantly above 0.5 and log loss not worse than the baseline.",
            },
            Models = models,
            Comparisons =
            [
                new PairwiseComparison("lr", "xgb", DeLongTest.Compare(labels, lr, xgb)),
            ],
            KeyIndicators = [],
            Warnings = [],
            LibraryVersions = new Dictionary<string, string>
            {
                ["Microsoft.ML"] = "5.0.1",
                ["xgboost"] = "1.7.4",
                ["git_commit"] = "0123456789abcdef0123456789abcdef01234567",
            },
        };
    }

    private static LeakageCheck Leakage(bool fired, bool overridden) =>
        new()
        {
            AucThreshold = 0.95,
            Columns =
            [
                .. Features.Select(f => new LeakageColumnResult(
                    f,
                    f is "Age" or "Sleep_Hours" or "Work_Hours" or "Physical_Activity_Hours"
                        ? "numeric"
                        : "categorical",
                    fired && f == "Consultation_History" ? 0.991 : 0.55,
                    fired && f == "Consultation_History"
                )),
            ],
            SuspectedColumns = fired ? ["Consultation_History"] : [],
            Overridden = overridden,
            Message = fired
                ? "Consultation_History alone reaches a cross-validated ROC AUC of 0.991 (threshold 0.950): it probably leaks the target."
                : null,
        };

    /// <summary>Seeded labels and two models' probabilities; <paramref name="signal"/> 0 makes them unrelated.</summary>
    private static (bool[] Labels, double[] Lr, double[] Xgb) Predictions(double signal, int seed)
    {
        var random = new Random(seed);
        var labels = new bool[TestRows];
        var lr = new double[TestRows];
        var xgb = new double[TestRows];
        for (int i = 0; i < TestRows; i++)
        {
            double x = Normal(random);
            labels[i] = random.NextDouble() < Sigmoid((1.8 * x) - 0.4);
            double latent = signal > 0 ? x : Normal(random);
            double scale = signal > 0 ? signal : 1.0;
            lr[i] = Sigmoid((scale * latent) - 0.4 + (0.4 * Normal(random)));
            xgb[i] = Sigmoid((0.8 * scale * latent) - 0.4 + (0.7 * Normal(random)));
        }

        return (labels, lr, xgb);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()))
        * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
