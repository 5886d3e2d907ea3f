using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Training;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Infrastructure.Tests.Training.Jobs;

public sealed class TrainingJobTests : IDisposable
{
    private static readonly TrainingOptions FastProtocol = new()
    {
        Folds = 3,
        SearchBudget = 1,
        BootstrapResamples = 200,
        PermutationRepeats = 2,
    };

    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-job-tests-" + Guid.NewGuid().ToString("N")
    );

    public TrainingJobTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_PlantedData_WritesReportAndVerifiableBundlesWhoseMetricsMatchTheReport()
    {
        var input = WriteData(1200, SignalKind.Planted);

        var result = new TrainingJob(TimeProvider.System).Run(
            new TrainingJobOptions
            {
                InputPath = input,
                OutputDirectory = Path.Combine(_folder, "train"),
                Protocol = FastProtocol,
                Track = false,
            }
        );

        Assert.Equal(TrainingOutcome.Completed, result.Report.Outcome);
        Assert.Null(result.Tracking);
        Assert.True(File.Exists(result.Output.HtmlPath));
        Assert.Equal(
            ["baseline", "lr", "rf", "xgb"],
            result.Bundles.Keys.Order(StringComparer.Ordinal)
        );
        Assert.Contains("git_commit", result.Report.LibraryVersions.Keys);
        foreach (var (name, folder) in result.Bundles)
        {
            using var bundle = ModelBundleReader.Load(folder);
            var evaluation = result.Report.FindModel(name)!;
            Assert.Equal(name, bundle.Metadata.TrainerName);
            Assert.Equal(evaluation.Threshold.Value, bundle.Metadata.Threshold);
            Assert.Equal(
                evaluation.Test.Intervals[MetricNames.RocAuc],
                bundle.Metadata.Metrics[MetricNames.RocAuc]
            );
            Assert.Equal(evaluation.Promotable, bundle.Metadata.Promotable);
            Assert.Equal(name == "rf", bundle.Metadata.Calibration is not null);
        }
    }

    [Fact]
    public void Run_UnreadableInput_ThrowsInvalidDataWithTheReason()
    {
        var input = Path.Combine(_folder, "semicolons.csv");
        File.WriteAllText(input, string.Join(';', DatasetSchema.Columns) + "\n");

        var error = Assert.Throws<InvalidDataException>(() =>
            new TrainingJob(TimeProvider.System).Run(
                new TrainingJobOptions
                {
                    InputPath = input,
                    OutputDirectory = _folder,
                    Track = false,
                }
            )
        );

        Assert.Contains("comma", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The one-code-path guarantee end to end: the features and probabilities the training
    /// protocol computed in memory equal, bit for bit, those of the same model loaded back from
    /// its bundle (the object batch scoring and serving load) for every model type.
    /// </summary>
    [Fact]
    public void Bundle_EveryModelType_ReproducesTrainingFeaturesAndProbabilitiesBitForBit()
    {
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 900, Seed = 11 })
            .ToList();
        using var trained = new TrainingProtocol(
            TrainerRegistry.Create(TrainerRegistry.ModelNames),
            TimeProvider.System
        ).Run(records, FastProtocol);

        foreach (var model in trained.Models)
        {
            var folder = Path.Combine(_folder, model.TrainerName);
            ModelBundleWriter.Write(
                folder,
                MinimalMetadata(model),
                model.Preprocessor,
                model.Model,
                model.Calibrator
            );
            using var bundle = ModelBundleReader.Load(folder + ".mhib");
            var predictor = new Predictor(
                bundle.Preprocessor,
                bundle.Model,
                bundle.Metadata.Threshold
            );
            foreach (var record in records.Take(200))
            {
                Assert.Equal(
                    model.Preprocessor.Transform(record),
                    bundle.Preprocessor.Transform(record)
                );
                Assert.Equal(
                    BitConverter.DoubleToInt64Bits(model.PredictProbability(record)),
                    BitConverter.DoubleToInt64Bits(predictor.PredictProbability(record))
                );
            }
            var prediction = predictor.Predict(records[0]);
            Assert.Equal(prediction.Probability >= prediction.Threshold, prediction.Label);
            Assert.Equal(model.TrainerName != "baseline", prediction.TopFactors.Count > 0);
        }
    }

    private static Core.Scoring.Bundles.ModelBundleMetadata MinimalMetadata(TrainedModel model) =>
        new()
        {
            ModelName = "test",
            TrainerName = model.TrainerName,
            DisplayName = model.Evaluation.DisplayName,
            ModelFormat = model.Model.Format,
            Features = model.Preprocessor.Spec.Features,
            Target = model.Preprocessor.Spec.Target,
            Threshold = model.Threshold,
            ThresholdStrategy = model.Evaluation.Threshold.Strategy,
            Calibration = model.Calibrator?.Method,
            Metrics = model.Evaluation.Test.Intervals,
            CvMetrics = model.Evaluation.CrossValidation,
            DataSha256 = new string('0', 64),
            Seed = 42,
            HyperParameters = model.Evaluation.HyperParameters,
            LibraryVersions = new Dictionary<string, string>(),
            CreatedAtUtc = DateTimeOffset.UnixEpoch,
            Promotable = model.Evaluation.Promotable,
            PromotableReason = model.Evaluation.PromotionReason,
        };

    private string WriteData(int rows, SignalKind signal)
    {
        var path = Path.Combine(_folder, "data.csv");
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator.Generate(
                new SyntheticDataOptions
                {
                    Rows = rows,
                    Seed = 5,
                    Signal = signal,
                }
            ),
            path
        );
        return path;
    }
}
