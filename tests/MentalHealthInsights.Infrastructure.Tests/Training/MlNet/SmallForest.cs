using MentalHealthInsights.Infrastructure.Training.MlNet;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Tests.Training.MlNet;

/// <summary>A quick, reproducible ML.NET FastForest for tests: 20 trees of 8 leaves, one thread, seed 7.</summary>
internal static class SmallForest
{
    public static FastForestBinaryTrainer Trainer(MLContext ml) =>
        ml.BinaryClassification.Trainers.FastForest(
            new FastForestBinaryTrainer.Options
            {
                FeatureColumnName = MlNetData.FeaturesColumn,
                LabelColumnName = MlNetData.LabelColumn,
                NumberOfTrees = 20,
                NumberOfLeaves = 8,
                NumberOfThreads = 1,
                Seed = 7,
            }
        );
}
