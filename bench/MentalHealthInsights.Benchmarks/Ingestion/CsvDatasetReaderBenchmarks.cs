using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Benchmarks.Ingestion;

/// <summary>
/// Streaming ingestion of a 1,000,000-row file: rows/s (custom column) and allocations per row
/// (MemoryDiagnoser; times and bytes are per row because OperationsPerInvoke = row count).
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*CsvDatasetReader*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class CsvDatasetReaderBenchmarks
{
    private readonly CsvDatasetReader reader = new();
    private string path = "";
    private long accepted;

    [GlobalSetup]
    public void Setup()
    {
        path = BenchmarkDatasetFile.Resolve();
        var report = reader.ReadFile(path, _ => { });
        if (report.RowsRead != BenchmarkDatasetFile.Rows)
        {
            throw new InvalidOperationException(
                $"{BenchmarkDatasetFile.EnvironmentVariable} must name a file of exactly "
                    + $"{BenchmarkDatasetFile.Rows:N0} data rows; rows/s would be wrong otherwise."
            );
        }
    }

    /// <summary>Streams the file, counting accepted records (memory stays flat but for the ID set).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkDatasetFile.Rows)]
    public long ReadFile()
    {
        accepted = 0;
        reader.ReadFile(path, Count);
        return accepted;
    }

    /// <summary>Loads every record into a list (what training does).</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkDatasetFile.Rows)]
    public int Load() => DatasetLoader.Load(path).Records.Count;

    private void Count(MentalHealthRecord record) => accepted++;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RowsPerSecondColumn());
    }
}
