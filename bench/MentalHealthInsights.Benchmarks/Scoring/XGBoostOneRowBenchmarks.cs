using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// One row through XGBoost (200 rounds, depth 4): the native C API (a DMatrix per call,
/// nthread = 1) against the managed evaluator, for the probability and for TreeSHAP
/// contributions (managed: the Fast TreeSHAP v2 tables that Contributions uses, and the
/// reference algorithm they replace). Times are per row (OperationsPerInvoke = 256 different
/// rows); the tables are built in the setup, not timed.
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*XGBoostOneRow*'
/// </summary>
[MemoryDiagnoser]
public class XGBoostOneRowBenchmarks
{
    private const int Rows = 256;
    private XGBoostModel native = null!;
    private XGBoostTreeEnsemble managed = null!;
    private float[][] rows = [];
    private readonly float[] contributions = new float[64];

    [GlobalSetup]
    public void Setup()
    {
        var (predictor, records) = ScoringModels.Create("xgb");
        native = ((XGBoostBinaryModel)predictor.Model).Model;
        managed = ((XGBoostBinaryModel)predictor.Model).Evaluator!;
        FittedPreprocessor preprocessor = predictor.Preprocessor;
        rows = [.. records.Take(Rows).Select(preprocessor.Transform)];
        managed.Contributions(rows[0], contributions);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float NativeProbability()
    {
        var sum = 0f;
        foreach (var row in rows)
        {
            sum += native.PredictProbability(row);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float ManagedProbability()
    {
        var sum = 0f;
        foreach (var row in rows)
        {
            sum += managed.Probability(row);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float NativeContributions()
    {
        var sum = 0f;
        foreach (var row in rows)
        {
            sum += native.PredictContributions(row, 1)[0];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float ManagedContributions()
    {
        var sum = 0f;
        foreach (var row in rows)
        {
            managed.Contributions(row, contributions);
            sum += contributions[0];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float ManagedReferenceContributions()
    {
        var sum = 0f;
        foreach (var row in rows)
        {
            managed.ReferenceContributions(row, contributions);
            sum += contributions[0];
        }

        return sum;
    }

    [GlobalCleanup]
    public void Cleanup() => native.Dispose();
}
