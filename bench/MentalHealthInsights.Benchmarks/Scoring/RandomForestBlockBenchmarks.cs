using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Infrastructure.Training.MlNet;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// A random forest (ML.NET FastForest with the trainer's defaults: 100 trees, 20 leaves) scoring
/// 1,024 different rows in one call, as training's validation folds, permutation importance and
/// batch scoring do (<see cref="RandomForestModel.PredictBlock"/>); time per row.
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*RandomForestBlock*'
/// </summary>
[MemoryDiagnoser]
public class RandomForestBlockBenchmarks
{
    private const int Rows = 1024;
    private RandomForestModel model = null!;
    private float[] rows = [];
    private readonly double[] probabilities = new double[Rows];

    [GlobalSetup]
    public void Setup()
    {
        var (predictor, records) = ScoringModels.Create("rf");
        model = (RandomForestModel)predictor.Model;
        FittedPreprocessor preprocessor = predictor.Preprocessor;
        rows = [.. records.Take(Rows).SelectMany(preprocessor.Transform)];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public double Block()
    {
        model.PredictBlock(rows, probabilities);
        return probabilities[Rows - 1];
    }
}
