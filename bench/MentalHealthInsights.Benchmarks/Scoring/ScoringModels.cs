using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// Models of each kind with the trainers' default hyperparameters (XGBoost: 200 rounds, depth 4),
/// trained on 5,000 generated rows behind the real preprocessor, and records to score.
/// </summary>
internal static class ScoringModels
{
    public static (Predictor Predictor, MentalHealthRecord[] Records) Create(string kind)
    {
        var training = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 5000, Seed = 1 })
            .ToArray();
        var preprocessor = Preprocessor.Fit(training, FeatureSpec.Default);
        var matrix = new FeatureMatrix(
            preprocessor.TransformBatch(training),
            [.. training.Select(r => r.HasCondition)],
            preprocessor.OutputNames
        );
        IBinaryTrainer trainer = kind switch
        {
            "lr" => new LogisticRegressionTrainer(),
            "rf" => new RandomForestTrainer(),
            "xgb" => new XGBoostTrainer(),
            _ => throw new ArgumentException("lr, rf or xgb", nameof(kind)),
        };
        var model = trainer.Fit(matrix, HyperParameters.Empty, 1, CancellationToken.None);
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 1024, Seed = 2 })
            .ToArray();
        return (new Predictor(preprocessor, model, 0.5), records);
    }
}
