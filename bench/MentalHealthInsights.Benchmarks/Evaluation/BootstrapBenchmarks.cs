using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Benchmarks.Evaluation;

/// <summary>
/// The 95 % bootstrap intervals of one model's test metrics as a 100,000-row training computes
/// them: 20,000 test rows, 1,000 resamples (<see cref="Bootstrap.Run"/>). Probabilities carry
/// three decimals, so many rows tie, as calibrated scores do.
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*Bootstrap*'
/// </summary>
[MemoryDiagnoser]
public class BootstrapBenchmarks
{
    private const int Rows = 20_000;
    private bool[] labels = [];
    private double[] probabilities = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        labels = new bool[Rows];
        probabilities = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            labels[i] = random.NextDouble() < 0.5;
            var signal = labels[i] ? 0.15 : -0.15;
            probabilities[i] = Math.Round(
                Math.Clamp(0.5 + signal + (random.NextDouble() - 0.5) * 0.8, 0, 1),
                3
            );
        }
    }

    [Benchmark]
    public double Run() =>
        Bootstrap
            .Run(labels, probabilities, 0.5, resamples: 1000, seed: 42)
            .Intervals["roc_auc"]
            .Lower;
}
