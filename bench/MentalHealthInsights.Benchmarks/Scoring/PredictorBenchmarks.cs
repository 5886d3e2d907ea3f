using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Scoring;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// One-row scoring through <see cref="Predictor"/> (the web API's hot path): probability only,
/// and probability with the top-5 explanation, per model type. Times are per row
/// (OperationsPerInvoke = 1,024 different records).
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*PredictorBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class PredictorBenchmarks
{
    private Predictor predictor = null!;
    private MentalHealthRecord[] records = [];

    [Params("lr", "rf", "xgb")]
    public string Model { get; set; } = "xgb";

    [GlobalSetup]
    public void Setup() => (predictor, records) = ScoringModels.Create(Model);

    [Benchmark(OperationsPerInvoke = 1024)]
    public double PredictProbability()
    {
        var sum = 0.0;
        foreach (var record in records)
        {
            sum += predictor.PredictProbability(record);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public int PredictWithExplanation()
    {
        var factors = 0;
        foreach (var record in records)
        {
            factors += predictor.Predict(record).TopFactors.Count;
        }

        return factors;
    }
}
