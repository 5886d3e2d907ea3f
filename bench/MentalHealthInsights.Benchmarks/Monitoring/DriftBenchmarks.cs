using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;

namespace MentalHealthInsights.Benchmarks.Monitoring;

/// <summary>
/// Drift of 1,000,000 reference rows against 1,000,000 current rows over the nine features
/// (in memory; loading the CSV files is measured by bench/monitor-benchmark.sh), for both
/// profiles. The current data comes from another seed of the same generator.
///   dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*DriftBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DriftBenchmarks
{
    private MonitoringDataset _reference = null!;
    private MonitoringDataset _current = null!;
    private ReferenceProfile _profile = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reference = MonitoringDataset.FromRecords([
            .. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = Rows, Seed = 1 }),
        ]);
        _current = MonitoringDataset.FromRecords([
            .. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = Rows, Seed = 2 }),
        ]);
        _profile = ReferenceProfile.Build(_reference);
    }

    [Benchmark(Baseline = true)]
    public DataDriftResult Evidently() =>
        DriftAnalyzer.Analyze(_reference, _current, new DriftOptions());

    [Benchmark]
    public DataDriftResult Strict() =>
        DriftAnalyzer.Analyze(
            _reference,
            _current,
            new DriftOptions { Profile = DriftProfile.Strict },
            _profile
        );
}
