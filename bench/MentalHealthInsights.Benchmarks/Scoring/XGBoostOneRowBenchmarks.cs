using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// One row through XGBoost (200 rounds, depth 4): the native C API (a DMatrix per call,
/// nthread = 1) against the managed evaluator, for the probability and for TreeSHAP
/// contributions (managed: Contributions, which answers each tree from its cells for rows
/// without missing values; the Fast TreeSHAP v2 tables alone, which fill the cells and serve
/// rows with missing values; and the reference algorithm they replace). Times are per row
/// (OperationsPerInvoke = 256 different rows); the tables and cells are built in the setup, not
/// timed.
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

        // The cells are otherwise built in the background after CellsAfterRows rows: build them
        // now, and say what they cost.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var celled = managed.ShapCellTreeCount;
        Console.WriteLine(
            $"// TreeSHAP cells: {celled} of {managed.TreeCount} trees, "
                + $"{managed.ShapCellBytes / 1048576.0:F1} MiB, built in {watch.ElapsedMilliseconds} ms; "
                + $"tables {managed.ShapTableBytes / 1024.0:F0} KiB"
        );
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
    public float ManagedTableContributions()
    {
        var sum = 0f;
        foreach (var row in rows)
        {
            managed.TableContributions(row, contributions);
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
