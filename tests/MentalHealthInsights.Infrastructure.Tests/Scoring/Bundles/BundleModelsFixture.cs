using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Infrastructure.Tests.Training;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;

/// <summary>
/// Tiny real models of every kind, trained once per test class on synthetic records behind the
/// real preprocessor: the baseline, logistic regression, a random forest with a Platt calibrator,
/// logistic regression with an isotonic calibrator, and XGBoost.
/// </summary>
public sealed class BundleModelsFixture : IDisposable
{
    public const string Baseline = "baseline";
    public const string Lr = "lr";
    public const string RfPlatt = "rf+platt";
    public const string LrIsotonic = "lr+isotonic";
    public const string Xgb = "xgb";

    public static readonly TheoryData<string> Kinds = new(Baseline, Lr, RfPlatt, LrIsotonic, Xgb);

    private readonly Dictionary<string, IBinaryModel> _models = new(StringComparer.Ordinal);

    public BundleModelsFixture()
    {
        Training =
        [
            .. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = 400, Seed = 11 }),
        ];
        Scoring =
        [
            .. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = 150, Seed = 12 }),
            // Unseen and missing categories exercise the preprocessor's "<unknown>" slots.
            Training[0] with
            {
                Occupation = "Astronaut",
                Country = "Atlantis",
                StressLevel = null,
                Age = double.NaN,
            },
        ];
        Preprocessor = Core.Features.Preprocessor.Fit(Training, FeatureSpec.Default);
        var matrix = LabelledMatrix.Of(Training, Preprocessor);

        var none = CancellationToken.None;
        _models[Baseline] = new MajorityBaselineTrainer().Fit(
            matrix,
            HyperParameters.Empty,
            1,
            none
        );
        _models[Lr] = new LogisticRegressionTrainer().Fit(
            matrix,
            LogisticRegressionTrainer.Defaults,
            1,
            none
        );

        var forest = new RandomForestTrainer().Fit(
            matrix,
            RandomForestTrainer
                .Defaults.With(RandomForestTrainer.NumberOfTrees, 20)
                .With(RandomForestTrainer.NumberOfLeaves, 8),
            1,
            none
        );
        _models[RfPlatt] = new CalibratedModel(
            forest,
            PlattCalibrator.Fit(Scores(forest, matrix), matrix.Labels)
        );

        var lr = new LogisticRegressionTrainer().Fit(
            matrix,
            LogisticRegressionTrainer.Defaults.With(LogisticRegressionTrainer.L2, 0.5),
            2,
            none
        );
        _models[LrIsotonic] = new CalibratedModel(
            lr,
            IsotonicCalibrator.Fit(Scores(lr, matrix), matrix.Labels)
        );

        _models[Xgb] = new XGBoostTrainer().Fit(
            matrix,
            HyperParameters.Empty.With("rounds", 15).With("max_depth", 3),
            1,
            none
        );
    }

    public IReadOnlyList<MentalHealthRecord> Training { get; }

    public IReadOnlyList<MentalHealthRecord> Scoring { get; }

    public FittedPreprocessor Preprocessor { get; }

    public IBinaryModel Model(string kind) => _models[kind];

    /// <summary>Valid metadata describing <paramref name="model"/> behind <see cref="Preprocessor"/>.</summary>
    public ModelBundleMetadata Metadata(IBinaryModel model)
    {
        var raw = model is CalibratedModel c ? c.Raw : model;
        return new ModelBundleMetadata
        {
            ModelName = "mental-health-" + raw.TrainerName,
            TrainerName = raw.TrainerName,
            DisplayName = "Test model " + raw.TrainerName,
            ModelFormat = raw.Format,
            Features = Preprocessor.Spec.Features,
            Target = Preprocessor.Spec.Target,
            Threshold = 0.4375,
            ThresholdStrategy = "max_f1",
            Calibration = (model as CalibratedModel)?.Calibrator.Method,
            Metrics = new Dictionary<string, Interval>
            {
                ["roc_auc"] = new(0.71, 0.65, 0.77),
                ["f1"] = new(0.6, 0.5, 0.7),
                ["precision"] = Interval.Undefined,
            },
            CvMetrics = new Dictionary<string, MetricSummary>
            {
                ["roc_auc"] = new(0.7, 0.02, 5),
                ["log_loss"] = new(0.6, double.NaN, 1),
            },
            DataSha256 = new string('a', 64),
            Seed = 42,
            HyperParameters = new Dictionary<string, string> { ["rounds"] = "15", ["eta"] = "0.3" },
            LibraryVersions = new Dictionary<string, string>
            {
                [".NET"] = Environment.Version.ToString(),
                ["Microsoft.ML"] = "5.0.1",
            },
            GitCommit = "0123456789abcdef0123456789abcdef01234567",
            CreatedAtUtc = new DateTimeOffset(2026, 11, 28, 12, 34, 56, TimeSpan.Zero).AddTicks(
                1234567
            ),
            Promotable = true,
            PromotableReason = "Beats the majority baseline (paired bootstrap p = 0.001).",
            Warnings = ["A test warning."],
        };
    }

    public void Dispose()
    {
        foreach (var model in _models.Values)
        {
            model.Dispose();
        }
    }

    private static double[] Scores(IBinaryModel model, FeatureMatrix matrix)
    {
        var scores = new double[matrix.Rows];
        model.Predict(matrix, scores);
        return scores;
    }
}
